-- 0001 · Audit: who looked at whose personal data (append-only)
--
-- One row per admin view of a customer's personal data. Admins cannot edit the trail: the code has no
-- UPDATE or DELETE of it, and because the application connects as the table's owner (a REVOKE would
-- not bind the owner), a trigger refuses every UPDATE, every TRUNCATE, and every DELETE except the one
-- erasure path: audit_erase_personal_data_views(customer), called after the customer was erased (O7).
-- That function marks its own transaction; a DELETE outside it is refused like an edit.

CREATE TABLE IF NOT EXISTS audit_personal_data_views
(
    id          bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id uuid         NOT NULL,
    admin_id    uuid         NOT NULL,
    what        text         NOT NULL CHECK (char_length(what) BETWEEN 1 AND 200),
    viewed_at   timestamptz  NOT NULL
);

CREATE INDEX IF NOT EXISTS audit_personal_data_views_customer
    ON audit_personal_data_views (customer_id, viewed_at DESC, id DESC);

CREATE OR REPLACE FUNCTION audit_personal_data_views_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('mystamp.audit_erasure', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit_personal_data_views is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE OR REPLACE TRIGGER audit_personal_data_views_no_edit
    BEFORE UPDATE OR DELETE ON audit_personal_data_views
    FOR EACH ROW EXECUTE FUNCTION audit_personal_data_views_append_only();

CREATE OR REPLACE TRIGGER audit_personal_data_views_no_truncate
    BEFORE TRUNCATE ON audit_personal_data_views
    FOR EACH STATEMENT EXECUTE FUNCTION audit_personal_data_views_append_only();

-- The erasure path: removes the entries about one erased customer, and nothing else.
CREATE OR REPLACE FUNCTION audit_erase_personal_data_views(erased_customer uuid) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    removed integer;
BEGIN
    PERFORM set_config('mystamp.audit_erasure', 'on', true);
    DELETE FROM audit_personal_data_views WHERE customer_id = erased_customer;
    GET DIAGNOSTICS removed = ROW_COUNT;
    PERFORM set_config('mystamp.audit_erasure', 'off', true);
    RETURN removed;
END
$$;
