-- The body a webhook receives: our JSON digest, or a Slack or Microsoft Teams message.
ALTER TABLE webhook ADD COLUMN format text NOT NULL DEFAULT 'json';
