-- Candor: the reviewer API.

-- Bearer tokens of signed-in workstations, stored only as SHA-256 hashes.
CREATE TABLE reviewer_tokens (
    token_hash BLOB PRIMARY KEY,
    reviewer TEXT NOT NULL,
    -- Unix time (seconds) after which the token is refused.
    expires_at INTEGER NOT NULL
);

-- What reviewers did, readable by reviewers. Days only, like everything else: an exact
-- time of reading would bound the time of the reporter's message that was read.
CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    day TEXT NOT NULL,
    reviewer TEXT NOT NULL,
    action TEXT NOT NULL,
    case_reference TEXT,
    detail TEXT
);

-- The last message of each case a reviewer has opened, for unread counts.
CREATE TABLE reviewer_reads (
    reviewer TEXT NOT NULL,
    case_id INTEGER NOT NULL REFERENCES cases (id),
    last_message_id INTEGER NOT NULL,
    PRIMARY KEY (reviewer, case_id)
);
