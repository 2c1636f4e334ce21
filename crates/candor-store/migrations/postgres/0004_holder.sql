-- Candor: certificates bound to their holder (as SQLite's 0009).
ALTER TABLE cases ADD COLUMN holder_key TEXT;
