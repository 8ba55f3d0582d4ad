-- 0002 · Audit: bulk exports of personal data (audience exports), recorded per person
--
-- One row per export: who, when, which channel, how many people. It names no one, so it stays after an
-- erasure. Each person in the export gets an entry in audit_personal_data_views that points at the export
-- (export_id): that entry is what their access report lists, and what their erasure removes with the rest
-- of their trail. Like the trail, the export log is append-only: a trigger refuses every UPDATE, DELETE and
-- TRUNCATE, also by the table's owner.

CREATE TABLE IF NOT EXISTS audit_personal_data_exports
(
    id          uuid         PRIMARY KEY,
    admin_id    uuid         NOT NULL,
    channel     text         NOT NULL CHECK (char_length(channel) BETWEEN 1 AND 50),
    subjects    integer      NOT NULL CHECK (subjects >= 0),
    exported_at timestamptz  NOT NULL
);

ALTER TABLE audit_personal_data_views ADD COLUMN IF NOT EXISTS export_id uuid NULL REFERENCES audit_personal_data_exports (id);

CREATE INDEX IF NOT EXISTS audit_personal_data_views_export
    ON audit_personal_data_views (export_id) WHERE export_id IS NOT NULL;

CREATE OR REPLACE FUNCTION audit_personal_data_exports_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_personal_data_exports is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE OR REPLACE TRIGGER audit_personal_data_exports_no_edit
    BEFORE UPDATE OR DELETE ON audit_personal_data_exports
    FOR EACH ROW EXECUTE FUNCTION audit_personal_data_exports_append_only();

CREATE OR REPLACE TRIGGER audit_personal_data_exports_no_truncate
    BEFORE TRUNCATE ON audit_personal_data_exports
    FOR EACH STATEMENT EXECUTE FUNCTION audit_personal_data_exports_append_only();
