-- Candor in PostgreSQL: the same tables as SQLite's migrations 0001-0006 end with (see
-- migrations/sqlite for why each column exists), in PostgreSQL's types. Times are days
-- (YYYY-MM-DD), never finer. Ciphertext is in the blob folder, not here.

CREATE TABLE install (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    receipt_salt BYTEA NOT NULL,
    kdf_memory_kib BIGINT NOT NULL,
    kdf_iterations BIGINT NOT NULL,
    kdf_parallelism BIGINT NOT NULL
);

CREATE TABLE cases (
    id BIGINT PRIMARY KEY,
    reference TEXT NOT NULL UNIQUE,
    lookup_key BYTEA NOT NULL UNIQUE,
    reporter_recipient TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('received', 'acknowledged', 'in-review', 'decided', 'closed')),
    received_day TEXT NOT NULL,
    legal_hold BIGINT NOT NULL DEFAULT 0
);

-- A blob's row: its file in the blob folder is named by `id`. `upload` is never set here
-- (kept so that both databases answer the same statements).
CREATE TABLE blobs (
    id BIGINT PRIMARY KEY,
    upload BYTEA,
    size BIGINT NOT NULL DEFAULT 0,
    sha256 BYTEA
);

CREATE TABLE messages (
    id BIGINT PRIMARY KEY,
    case_id BIGINT NOT NULL REFERENCES cases (id),
    author TEXT NOT NULL CHECK (author IN ('reporter', 'body')),
    day TEXT NOT NULL,
    seq BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX messages_case ON messages (case_id);
CREATE UNIQUE INDEX messages_case_seq ON messages (case_id, seq);

CREATE TABLE items (
    id BIGINT PRIMARY KEY,
    message_id BIGINT NOT NULL REFERENCES messages (id),
    position BIGINT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('text', 'file', 'record')),
    blob_id BIGINT NOT NULL REFERENCES blobs (id),
    meta_blob_id BIGINT REFERENCES blobs (id),
    UNIQUE (message_id, position)
);

CREATE TABLE reviewer_tokens (
    token_hash BYTEA PRIMARY KEY,
    reviewer TEXT NOT NULL,
    expires_at BIGINT NOT NULL,
    recipient TEXT NOT NULL DEFAULT ''
);

-- The audit trail keeps its order by a sequence, as SQLite's does by its row ids.
CREATE TABLE audit (
    id BIGSERIAL PRIMARY KEY,
    day TEXT NOT NULL,
    reviewer TEXT NOT NULL,
    action TEXT NOT NULL,
    case_reference TEXT,
    detail TEXT
);

CREATE TABLE reviewer_reads (
    reviewer TEXT NOT NULL,
    case_id BIGINT NOT NULL REFERENCES cases (id),
    last_seq BIGINT NOT NULL,
    PRIMARY KEY (reviewer, case_id)
);

CREATE TABLE log_pending (
    id BIGINT PRIMARY KEY,
    note BYTEA NOT NULL
);

CREATE TABLE log_entries (
    idx BIGINT PRIMARY KEY,
    note BYTEA NOT NULL,
    commitment BYTEA NOT NULL,
    kind TEXT NOT NULL,
    day TEXT NOT NULL
);
CREATE INDEX log_entries_commitment ON log_entries (commitment);

CREATE TABLE log_hashes (
    idx BIGINT PRIMARY KEY,
    hash BYTEA NOT NULL
);

CREATE TABLE log_checkpoints (
    size BIGINT PRIMARY KEY,
    note TEXT NOT NULL
);

CREATE TABLE log_cosignatures (
    size BIGINT NOT NULL,
    witness TEXT NOT NULL,
    line TEXT NOT NULL,
    PRIMARY KEY (size, witness)
);
