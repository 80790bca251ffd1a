-- Outbox records Kafka will never take (over the request size, refused for what they are), kept
-- with the reason instead of blocking the relay, which sends the oldest first
CREATE TABLE outbox_parked (
    id         bigint PRIMARY KEY,
    topic      text        NOT NULL,
    record_key text        NOT NULL,
    ce_type    text        NOT NULL,
    ce_id      text        NOT NULL,
    payload    text        NOT NULL,
    reason     text        NOT NULL,
    parked_at  timestamptz NOT NULL
);
