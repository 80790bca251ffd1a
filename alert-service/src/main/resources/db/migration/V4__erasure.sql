-- An erased person stays erased: their figures produced before erased_at (a replay of
-- wellbeing-metrics) are ignored. Holds the personId and a time, nothing else.
CREATE TABLE erased_person (
    person_id text PRIMARY KEY,
    erased_at timestamptz NOT NULL
);
