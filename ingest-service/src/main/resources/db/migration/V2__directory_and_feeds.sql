-- What ingest knows of people from org-directory: their zone (CSV local times, floating
-- calendar times) and e-mail addresses (their own ATTENDEE lines).
CREATE TABLE directory_person (
    person_id  text PRIMARY KEY,
    time_zone  text,
    emails     text        NOT NULL,
    updated_at timestamptz NOT NULL
);

-- iCalendar feed subscriptions, polled on a schedule with conditional GETs.
CREATE TABLE feed (
    feed_id         text PRIMARY KEY,
    person_id       text        NOT NULL,
    url             text        NOT NULL,
    poll_minutes    integer     NOT NULL,
    etag            text,
    last_modified   text,
    last_polled_at  timestamptz,
    last_success_at timestamptz,
    last_error      text,
    last_error_at   timestamptz,
    failures        integer     NOT NULL,
    next_poll_at    timestamptz NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);

-- What a feed last published per event, to publish changes and retract what vanished.
CREATE TABLE feed_event (
    id          bigserial PRIMARY KEY,
    feed_id     text        NOT NULL REFERENCES feed (feed_id) ON DELETE CASCADE,
    event_id    text        NOT NULL,
    version     bigint      NOT NULL,
    fingerprint text        NOT NULL,
    starts_at   timestamptz NOT NULL,
    payload     text        NOT NULL,
    retracted   boolean     NOT NULL,
    UNIQUE (feed_id, event_id)
);
