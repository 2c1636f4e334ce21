-- Candor: an item may now hold the words a reporter agrees that certificates may name
-- them by (`issued-to`), sealed like an answer.
CREATE TABLE items_new (
    id INTEGER PRIMARY KEY,
    message_id INTEGER NOT NULL REFERENCES messages (id),
    position INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('text', 'file', 'record', 'identity', 'issued-to')),
    blob_id INTEGER NOT NULL REFERENCES blobs (id),
    meta_blob_id INTEGER REFERENCES blobs (id),
    UNIQUE (message_id, position)
);
INSERT INTO items_new (id, message_id, position, kind, blob_id, meta_blob_id)
    SELECT id, message_id, position, kind, blob_id, meta_blob_id FROM items;
DROP TABLE items;
ALTER TABLE items_new RENAME TO items;
