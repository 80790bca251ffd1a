-- The org directory: a person's zone and initial skill hold for all days; the rest is
-- effective-dated in person_profile. Someone who has events but no directory entry gets a row
-- with known = false, so their recomputations can be serialised like anyone else's.
CREATE TABLE person (
    person_id     text PRIMARY KEY,
    time_zone     text             NOT NULL,
    initial_skill double precision NOT NULL,
    known         boolean          NOT NULL,
    updated_at    timestamptz      NOT NULL
);

CREATE TABLE person_profile (
    id                  bigserial PRIMARY KEY,
    person_id           text             NOT NULL REFERENCES person (person_id) ON DELETE CASCADE,
    effective_from      date             NOT NULL,
    team_id             text,
    display_name        text,
    emails              text             NOT NULL,
    contract_hours      double precision NOT NULL,
    working_windows     text             NOT NULL,
    career_skills       text             NOT NULL,
    learning_efficiency double precision NOT NULL,
    UNIQUE (person_id, effective_from)
);
CREATE INDEX person_profile_team ON person_profile (team_id);

CREATE TABLE team (
    team_id        text PRIMARY KEY,
    name           text,
    manager_id     text,
    parent_team_id text,
    updated_at     timestamptz NOT NULL
);

-- The event store: the winning record of each eventId (MODEL.md "Precise readings").
CREATE TABLE work_event (
    event_id    text PRIMARY KEY,
    version     bigint      NOT NULL,
    person_id   text        NOT NULL,
    kind        text        NOT NULL,
    start_at    timestamptz NOT NULL,
    end_at      timestamptz NOT NULL,
    status      text        NOT NULL,
    skill       text,
    source      text,
    title       text,
    auto_closed boolean,
    received_at timestamptz NOT NULL
);
CREATE INDEX work_event_person_end ON work_event (person_id, end_at);

-- One row per person and local date, from their first event to 27 days after the last
-- (and to that month's end); later and earlier dates are computed on read.
CREATE TABLE daily_metrics (
    person_id              text             NOT NULL,
    date                   date             NOT NULL,
    team_id                text,
    worked_hours           double precision NOT NULL,
    meeting_hours          double precision NOT NULL,
    focus_hours            double precision NOT NULL,
    learning_hours         double precision NOT NULL,
    planned_learning_hours double precision NOT NULL,
    after_hours_hours      double precision NOT NULL,
    rest_hours             double precision,
    absence                boolean          NOT NULL,
    working_day            boolean          NOT NULL,
    contract_hours         double precision NOT NULL,
    weekly_rest_hours      double precision NOT NULL,
    previous_work_end      timestamptz,
    balance                double precision NOT NULL,
    time_management        double precision NOT NULL,
    plan_accuracy          double precision NOT NULL,
    learning_efficiency    double precision NOT NULL,
    skill_rate             double precision NOT NULL,
    skill_delta            double precision NOT NULL,
    skill                  double precision NOT NULL,
    computed_at            timestamptz      NOT NULL,
    PRIMARY KEY (person_id, date)
);

CREATE TABLE team_week_metrics (
    team_id              text             NOT NULL,
    week                 text             NOT NULL,
    members              integer          NOT NULL,
    mean_weekly_hours    double precision NOT NULL,
    median_weekly_hours  double precision NOT NULL,
    p90_weekly_hours     double precision NOT NULL,
    mean_balance         double precision NOT NULL,
    mean_time_management double precision NOT NULL,
    share_over_48h       double precision NOT NULL,
    learning_hours       double precision NOT NULL,
    computed_at          timestamptz      NOT NULL,
    PRIMARY KEY (team_id, week)
);

-- Records to publish, written in the transaction that changed them and sent after it commits.
-- dedup_key coalesces records that replace each other (latest wins on their topics).
CREATE TABLE outbox (
    id         bigserial PRIMARY KEY,
    dedup_key  text UNIQUE,
    topic      text        NOT NULL,
    record_key text        NOT NULL,
    ce_type    text        NOT NULL,
    ce_id      text        NOT NULL,
    payload    text        NOT NULL,
    created_at timestamptz NOT NULL
);
