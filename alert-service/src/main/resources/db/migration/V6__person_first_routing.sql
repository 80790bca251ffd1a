-- PERSON_FIRST routing: one change may go to the person and, later, to their manager, each once;
-- the manager's copy of a non-critical alert is dropped unless the alert is still open when due.
ALTER TABLE notification DROP CONSTRAINT notification_webhook_id_event_id_key;
ALTER TABLE notification ADD CONSTRAINT notification_webhook_event_recipient
    UNIQUE (webhook_id, event_id, recipient);
ALTER TABLE notification ADD COLUMN only_while_open boolean NOT NULL DEFAULT false;
