-- Candor: cases, messages, items, blobs and pending log entries get random ids from now
-- on, so that a copy of the database does not order every action across cases by its
-- row ids. Order within a case is kept by `messages.seq` (1, 2, … per case), and a
-- reviewer's last read message is remembered by that number. Rows made before this
-- migration keep their ids.
ALTER TABLE messages ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
UPDATE messages SET seq = (
    SELECT COUNT(*) FROM messages earlier
    WHERE earlier.case_id = messages.case_id AND earlier.id <= messages.id
);
CREATE UNIQUE INDEX messages_case_seq ON messages (case_id, seq);

ALTER TABLE reviewer_reads RENAME COLUMN last_message_id TO last_seq;
UPDATE reviewer_reads SET last_seq = COALESCE(
    (SELECT seq FROM messages WHERE messages.id = reviewer_reads.last_seq), 0
);
