-- Candor: the identity lane (as SQLite's 0007). An item may now be a reporter's identity
-- statement, sealed so that only a threshold of the body's identity custodians open it.
ALTER TABLE items DROP CONSTRAINT items_kind_check;
ALTER TABLE items ADD CONSTRAINT items_kind_check
    CHECK (kind IN ('text', 'file', 'record', 'identity'));
