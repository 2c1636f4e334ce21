-- Candor: the sealed status log.

-- Items may now be log records: the sealed opening of a log entry about the case.
CREATE TABLE items_new (
    id INTEGER PRIMARY KEY,
    message_id INTEGER NOT NULL REFERENCES messages (id),
    position INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('text', 'file', 'record')),
    blob_id INTEGER NOT NULL REFERENCES blobs (id),
    meta_blob_id INTEGER REFERENCES blobs (id),
    UNIQUE (message_id, position)
);
INSERT INTO items_new (id, message_id, position, kind, blob_id, meta_blob_id)
    SELECT id, message_id, position, kind, blob_id, meta_blob_id FROM items;
DROP TABLE items;
ALTER TABLE items_new RENAME TO items;

-- Signed entries waiting for the next integration (they are added in batches, shuffled,
-- so that the log's growth does not time anyone's action).
CREATE TABLE log_pending (
    id INTEGER PRIMARY KEY,
    note BLOB NOT NULL
);

-- The log's leaves: signed entry notes, public. `commitment` repeats the entry's
-- commitment so that the holder of an opening can find its entry.
CREATE TABLE log_entries (
    idx INTEGER PRIMARY KEY,
    note BLOB NOT NULL,
    commitment BLOB NOT NULL,
    kind TEXT NOT NULL,
    day TEXT NOT NULL
);
CREATE INDEX log_entries_commitment ON log_entries (commitment);

-- Every hash of the Merkle tree, in stored-hash-index order (RFC 6962 hashing).
CREATE TABLE log_hashes (
    idx INTEGER PRIMARY KEY,
    hash BLOB NOT NULL
);

-- Signed checkpoints, one per tree size the log has had.
CREATE TABLE log_checkpoints (
    size INTEGER PRIMARY KEY,
    note TEXT NOT NULL
);

-- Witness cosignatures (c2sp.org/tlog-cosignature) of checkpoints.
CREATE TABLE log_cosignatures (
    size INTEGER NOT NULL,
    witness TEXT NOT NULL,
    line TEXT NOT NULL,
    PRIMARY KEY (size, witness)
);
