-- The one outbox of every e-mail (verification, password reset, order mails, data-subject answers, erasure
-- notices). The envelope (address, subject, body) is sealed under the data subject's key; the row is deleted once
-- delivered, when given up, and with the customer's erasure in any case (O7). Kind and deduplication key are
-- fixed words, ids and dates: no personal data.
CREATE TABLE IF NOT EXISTS mail_outbox (
    mail_id          uuid        PRIMARY KEY,
    subject_id       uuid        NOT NULL,
    kind             text        NOT NULL,
    dedup_key        text        NULL UNIQUE,
    envelope         bytea       NOT NULL,
    queued_at        timestamptz NOT NULL,
    next_attempt_at  timestamptz NOT NULL,
    attempts         integer     NOT NULL DEFAULT 0,
    locked_until     timestamptz NULL
);

CREATE INDEX IF NOT EXISTS mail_outbox_due ON mail_outbox (next_attempt_at);
CREATE INDEX IF NOT EXISTS mail_outbox_subject ON mail_outbox (subject_id);
ALTER TABLE mail_outbox ALTER COLUMN envelope SET STATISTICS 0;
