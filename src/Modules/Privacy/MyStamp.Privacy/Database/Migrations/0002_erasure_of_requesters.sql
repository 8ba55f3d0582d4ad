-- Privacy module: what a customer's erasure (O7) may do to the request audit trail. Idempotent.

-- The trail stays append-only: an UPDATE is refused, except inside a transaction marked as an erasure
-- (mystamp.privacy_erasure = 'on'), and there only to clear a step's detail, which may quote what an
-- admin typed about the requester. The step itself (who, when, what was done) stays: it proves the request
-- was handled. DELETE and TRUNCATE are refused outside an erasure, as before.
CREATE OR REPLACE FUNCTION privacy_request_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF coalesce(current_setting('mystamp.privacy_erasure', true), '') <> 'on' THEN
        IF TG_OP = 'UPDATE' THEN
            RAISE EXCEPTION 'privacy_request_audit is append-only: entries cannot be changed';
        END IF;
        RAISE EXCEPTION 'privacy_request_audit is append-only: entries are removed only by erasure';
    END IF;
    IF TG_OP = 'UPDATE' THEN
        IF NEW.detail IS NOT NULL
           OR (NEW.sequence, NEW.request_id, NEW.at, NEW.actor, NEW.action) IS DISTINCT FROM (OLD.sequence, OLD.request_id, OLD.at, OLD.actor, OLD.action) THEN
            RAISE EXCEPTION 'privacy_request_audit: an erasure may only clear a detail';
        END IF;
        RETURN NEW;
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NULL END;
END;
$$;

-- Columns that may hold personal data keep no planner statistics, so no sample of them lands in pg_statistic.
ALTER TABLE privacy_request_audit ALTER COLUMN detail SET STATISTICS 0;
ALTER TABLE privacy_identity_documents ALTER COLUMN content SET STATISTICS 0;
