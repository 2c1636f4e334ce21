-- Candor: certificates bound to their holder. The reporter's holder key (a public C2SP
-- verifier key derived from the receipt code), which the body's decisions may name.
ALTER TABLE cases ADD COLUMN holder_key TEXT;
