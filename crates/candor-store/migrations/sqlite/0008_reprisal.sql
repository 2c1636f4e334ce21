-- Candor: reprisal. The day a reporter last said they suffer reprisal, until the body's
-- next decision about the case (the clock in the workstation's inbox); a day, never finer.
ALTER TABLE cases ADD COLUMN reprisal_day TEXT;
