-- Clock punches waiting for their OUT; they survive restarts.
CREATE TABLE open_punch (
    person_id  text PRIMARY KEY,
    event_id   text        NOT NULL,
    punched_in timestamptz NOT NULL,
    created_at timestamptz NOT NULL
);
