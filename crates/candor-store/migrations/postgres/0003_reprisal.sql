-- Candor: reprisal (as SQLite's 0008). The day a reporter last said they suffer reprisal,
-- until the body's next decision about the case.
ALTER TABLE cases ADD COLUMN reprisal_day TEXT;
