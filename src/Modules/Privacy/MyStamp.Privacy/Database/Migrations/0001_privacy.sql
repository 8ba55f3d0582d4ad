-- Privacy module tables. Idempotent: safe to run again.

-- Published versions of the specific privacy policy (O11). Rows are only ever added.
CREATE TABLE IF NOT EXISTS privacy_policy_versions (
    version        integer     PRIMARY KEY,
    revised_on     date        NOT NULL,
    effective_from timestamptz NOT NULL,
    language       text        NOT NULL,
    text           text        NOT NULL,
    published_by   uuid        NULL
);

-- Read model of data-subject requests for the admin queue and the requester's list. No contact details:
-- those stay in the request grain's state.
CREATE TABLE IF NOT EXISTS privacy_requests (
    request_id         uuid        PRIMARY KEY,
    type               text        NOT NULL,
    status             text        NOT NULL,
    channel            text        NOT NULL,
    customer_id        uuid        NULL,
    received_at        timestamptz NOT NULL,
    due_on             date        NOT NULL,
    extended           boolean     NOT NULL DEFAULT false,
    overdue_flagged_at timestamptz NULL,
    closed_at          timestamptz NULL
);
CREATE INDEX IF NOT EXISTS privacy_requests_open_by_due ON privacy_requests (due_on, received_at) WHERE closed_at IS NULL;
CREATE INDEX IF NOT EXISTS privacy_requests_by_customer ON privacy_requests (customer_id) WHERE customer_id IS NOT NULL;

-- Audit trail of every step of every request: append-only. Updates are refused; deletes only inside an
-- erasure that sets mystamp.privacy_erasure = 'on' for its transaction.
CREATE TABLE IF NOT EXISTS privacy_request_audit (
    sequence   bigserial   PRIMARY KEY,
    request_id uuid        NOT NULL,
    at         timestamptz NOT NULL,
    actor      text        NOT NULL,
    action     text        NOT NULL,
    detail     text        NULL
);
CREATE INDEX IF NOT EXISTS privacy_request_audit_by_request ON privacy_request_audit (request_id, sequence);

CREATE OR REPLACE FUNCTION privacy_request_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'privacy_request_audit is append-only: entries cannot be changed';
    END IF;
    IF coalesce(current_setting('mystamp.privacy_erasure', true), '') <> 'on' THEN
        RAISE EXCEPTION 'privacy_request_audit is append-only: entries are removed only by erasure';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NULL END;
END;
$$;
CREATE OR REPLACE TRIGGER privacy_request_audit_no_change
    BEFORE UPDATE OR DELETE ON privacy_request_audit
    FOR EACH ROW EXECUTE FUNCTION privacy_request_audit_append_only();
CREATE OR REPLACE TRIGGER privacy_request_audit_no_truncate
    BEFORE TRUNCATE ON privacy_request_audit
    FOR EACH STATEMENT EXECUTE FUNCTION privacy_request_audit_append_only();

-- The redacted identity document of a request under identity check (O9). Only the redacted,
-- metadata-free image is stored, and the row is deleted once the check is decided.
CREATE TABLE IF NOT EXISTS privacy_identity_documents (
    request_id uuid        PRIMARY KEY,
    media_type text        NOT NULL,
    content    bytea       NOT NULL,
    stored_at  timestamptz NOT NULL
);

-- Customers who may receive advertising or survey invitations unless they object (O4). Ids only.
CREATE TABLE IF NOT EXISTS privacy_audience (
    customer_id uuid        PRIMARY KEY,
    enrolled_at timestamptz NOT NULL
);
