-- Candor: bearer tokens are bound to the reviewer's key, not only their name: a reviewer
-- whose key is replaced in the configuration loses the tokens of the old key. Tokens made
-- before this migration have no recipient and are refused (their holders sign in again).
ALTER TABLE reviewer_tokens ADD COLUMN recipient TEXT NOT NULL DEFAULT '';
