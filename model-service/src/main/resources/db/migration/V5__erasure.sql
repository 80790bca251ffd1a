-- Erasures (CONTRACT.md DELETE /api/v1/people/{personId}): one row per request, with when each
-- service reported it done
CREATE TABLE erasure (
    erasure_id   text PRIMARY KEY,
    person_id    text        NOT NULL,
    requested_at timestamptz NOT NULL,
    model_done   timestamptz,
    ingest_done  timestamptz,
    alert_done   timestamptz
);
CREATE INDEX erasure_person ON erasure (person_id);

-- The minimal marker that keeps an erased person erased: records about them produced before
-- erased_at (a replay of work-events) are ignored. Holds the personId and a time, nothing else.
CREATE TABLE erased_person (
    person_id text PRIMARY KEY,
    erased_at timestamptz NOT NULL
);

-- tombstones on compacted topics have no value
ALTER TABLE outbox ALTER COLUMN payload DROP NOT NULL;
