-- Candor: retention. A case under legal hold is kept whatever the retention settings say.
ALTER TABLE cases ADD COLUMN legal_hold INTEGER NOT NULL DEFAULT 0;
