-- Candor: reporter intake.
-- Times are stored as days (YYYY-MM-DD), never finer: the legal clocks need no more.
-- Everything a reporter or reviewer wrote is in `blob_chunks`, as age ciphertext only.

-- One row: values fixed at installation.
CREATE TABLE install (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    -- Argon2id salt for receipt codes, and the parameters the codes were made with.
    receipt_salt BLOB NOT NULL,
    kdf_memory_kib INTEGER NOT NULL,
    kdf_iterations INTEGER NOT NULL,
    kdf_parallelism INTEGER NOT NULL
);

CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    -- Random reference used by reviewers; says nothing about the reporter.
    reference TEXT NOT NULL UNIQUE,
    -- Derived from the receipt code with Argon2id (see SECURITY.md).
    lookup_key BLOB NOT NULL UNIQUE,
    -- The reporter's age recipient (age1…); the matching identity is never stored.
    reporter_recipient TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('received', 'acknowledged', 'in-review', 'decided', 'closed')),
    received_day TEXT NOT NULL
);

-- An encrypted item, stored as ordered chunks. `upload` is set while the request that
-- writes it is still streaming; such rows are invisible and are deleted at start-up.
CREATE TABLE blobs (
    id INTEGER PRIMARY KEY,
    upload BLOB,
    size INTEGER NOT NULL DEFAULT 0,
    sha256 BLOB
);
CREATE INDEX blobs_upload ON blobs (upload);

CREATE TABLE blob_chunks (
    blob_id INTEGER NOT NULL REFERENCES blobs (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (blob_id, seq)
);

-- One turn of the conversation: a first report, a follow-up, or a reply of the body.
CREATE TABLE messages (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases (id),
    author TEXT NOT NULL CHECK (author IN ('reporter', 'body')),
    day TEXT NOT NULL
);
CREATE INDEX messages_case ON messages (case_id);

-- The parts of a message: its text, and each file with its encrypted metadata
-- (name, type, size, SHA-256).
CREATE TABLE items (
    id INTEGER PRIMARY KEY,
    message_id INTEGER NOT NULL REFERENCES messages (id),
    position INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('text', 'file')),
    blob_id INTEGER NOT NULL REFERENCES blobs (id),
    meta_blob_id INTEGER REFERENCES blobs (id),
    UNIQUE (message_id, position)
);
