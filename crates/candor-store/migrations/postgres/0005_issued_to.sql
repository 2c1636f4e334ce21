-- Candor: as SQLite's 0010. An item may now hold the words a reporter agrees that
-- certificates may name them by (`issued-to`), sealed like an answer.
ALTER TABLE items DROP CONSTRAINT items_kind_check;
ALTER TABLE items ADD CONSTRAINT items_kind_check
    CHECK (kind IN ('text', 'file', 'record', 'identity', 'issued-to'));
