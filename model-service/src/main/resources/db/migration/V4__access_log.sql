-- Who read a person's data other than the person (CONTRACT.md access-log): kept for
-- model.access-log-retention, then purged
CREATE TABLE access_log (
    id        bigserial PRIMARY KEY,
    record_id text        NOT NULL UNIQUE,
    subject  text        NOT NULL,
    reader   text        NOT NULL,
    endpoint text        NOT NULL,
    read_at  timestamptz NOT NULL
);
CREATE INDEX access_log_subject_time ON access_log (subject, read_at);
CREATE INDEX access_log_time ON access_log (read_at);
