-- The latest DailyMetrics of each person and date: what the rules read.
CREATE TABLE daily_figure (
    person_id         text             NOT NULL,
    date              date             NOT NULL,
    team_id           text,
    manager_id        text,
    worked_hours      double precision NOT NULL,
    after_hours_hours double precision NOT NULL,
    rest_hours        double precision,
    balance           double precision NOT NULL,
    skill_delta       double precision NOT NULL,
    contract_hours    double precision NOT NULL,
    weekly_rest_hours double precision NOT NULL,
    computed_at       timestamptz      NOT NULL,
    PRIMARY KEY (person_id, date)
);

-- The org directory as published on org-directory: routing and quiet hours.
CREATE TABLE directory_person (
    person_id       text PRIMARY KEY,
    team_id         text,
    time_zone       text,
    working_windows text,
    updated_at      timestamptz NOT NULL
);
CREATE INDEX directory_person_team ON directory_person (team_id);

CREATE TABLE directory_team (
    team_id        text PRIMARY KEY,
    name           text,
    manager_id     text,
    parent_team_id text,
    updated_at     timestamptz NOT NULL
);

-- An alert is identified by (subject, rule, period); it opens, escalates and resolves in place.
CREATE TABLE alert (
    id              text PRIMARY KEY,
    subject         text             NOT NULL,
    subject_type    text             NOT NULL,
    team_id         text,
    manager_id      text,
    rule            text             NOT NULL,
    severity        text             NOT NULL,
    period          text             NOT NULL,
    period_from     date             NOT NULL,
    period_to       date             NOT NULL,
    status          text             NOT NULL,
    value           double precision NOT NULL,
    threshold       double precision NOT NULL,
    summary         text,
    evidence        text,
    opened_at       timestamptz      NOT NULL,
    updated_at      timestamptz      NOT NULL,
    resolved_at     timestamptz,
    acknowledged_at timestamptz,
    ack_reason      text,
    ack_until       date,
    UNIQUE (subject, rule, period)
);
CREATE INDEX alert_subject ON alert (subject, subject_type);
CREATE INDEX alert_team ON alert (team_id);
CREATE INDEX alert_opened ON alert (opened_at DESC);

-- AlertEvents to publish, written with the alert change and sent after the commit.
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

CREATE TABLE webhook (
    id         text PRIMARY KEY,
    url        text        NOT NULL,
    team_id    text,
    secret     text        NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);

-- One alert change for one webhook and recipient, waiting for its digest.
CREATE TABLE notification (
    id          bigserial PRIMARY KEY,
    webhook_id  text        NOT NULL REFERENCES webhook (id) ON DELETE CASCADE,
    recipient   text,
    alert_id    text        NOT NULL,
    event_id    text        NOT NULL,
    payload     text        NOT NULL,
    not_before  timestamptz NOT NULL,
    created_at  timestamptz NOT NULL,
    delivery_id bigint,
    UNIQUE (webhook_id, event_id)
);
CREATE INDEX notification_pending ON notification (webhook_id, recipient) WHERE delivery_id IS NULL;

-- One POST to a webhook: a digest of notifications, retried until it succeeds or gives up.
CREATE TABLE delivery (
    id              bigserial PRIMARY KEY,
    webhook_id      text        NOT NULL REFERENCES webhook (id) ON DELETE CASCADE,
    recipient       text,
    idempotency_key text        NOT NULL UNIQUE,
    payload         text        NOT NULL,
    status          text        NOT NULL,
    attempts        integer     NOT NULL,
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    delivered_at    timestamptz,
    created_at      timestamptz NOT NULL
);
CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE status = 'PENDING';
