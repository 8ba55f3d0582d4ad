-- The retention index: one row per customer and per order with its erasure deadline (O7). Random ids and
-- dates only, no personal data. Grains keep it up to date; the daily sweep reads it to catch any subject
-- past its deadline whose reminder did not erase it. Erased rows stay (erased_at, erased_by): they say
-- only that some random id was erased on a day, and they feed the admin page's counts.
CREATE TABLE IF NOT EXISTS retention_deadlines (
    subject_kind    text        NOT NULL CHECK (subject_kind IN ('customer', 'order')),
    subject_id      uuid        NOT NULL,
    deadline        timestamptz NOT NULL,
    notice_given_at timestamptz NULL,
    erased_at       timestamptz NULL,
    erased_by       text        NULL,
    PRIMARY KEY (subject_kind, subject_id)
);

CREATE INDEX IF NOT EXISTS retention_deadlines_open ON retention_deadlines (deadline) WHERE erased_at IS NULL;

-- One row per run of the backstop sweep, for the admin page.
CREATE TABLE IF NOT EXISTS retention_sweeps (
    sweep_id         uuid        PRIMARY KEY,
    started_at       timestamptz NOT NULL,
    finished_at      timestamptz NOT NULL,
    checked          integer     NOT NULL,
    customers_erased integer     NOT NULL,
    orders_erased    integer     NOT NULL,
    notices_given    integer     NOT NULL,
    postponed        integer     NOT NULL,
    failures         integer     NOT NULL,
    purged           boolean     NOT NULL
);

CREATE INDEX IF NOT EXISTS retention_sweeps_latest ON retention_sweeps (started_at DESC);

-- The outbox of erasure notices. The e-mail address is personal data: a row is deleted once delivered,
-- and with the customer's erasure in any case.
CREATE TABLE IF NOT EXISTS retention_notices (
    notice_id       uuid        PRIMARY KEY,
    customer_id     uuid        NOT NULL,
    email           text        NOT NULL,
    erase_on        timestamptz NOT NULL,
    queued_at       timestamptz NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    last_attempt_at timestamptz NULL,
    UNIQUE (customer_id, erase_on)
);
