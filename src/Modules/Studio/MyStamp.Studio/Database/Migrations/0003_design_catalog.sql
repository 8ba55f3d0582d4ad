-- The design catalog: one row per design with what its owner's list and the admins' moderation queue
-- show, written by the design's grain at each change, so that a list is one query instead of one grain
-- call per design. It replaces studio_review_queue, whose ids, statuses and dates it holds as well.
-- No personal data: the owner's random id, statuses, sizes, the crop rectangle and dates; a design's row
-- goes when the design is erased (O7).
CREATE TABLE IF NOT EXISTS studio_design_catalog (
    design_id                  uuid        PRIMARY KEY,
    owner_id                   uuid        NOT NULL,
    status                     text        NOT NULL,
    format                     text        NOT NULL,
    crop_x                     integer     NOT NULL,
    crop_y                     integer     NOT NULL,
    crop_width                 integer     NOT NULL,
    crop_height                integer     NOT NULL,
    width_px                   integer     NOT NULL,
    height_px                  integer     NOT NULL,
    uploaded_at                timestamptz NOT NULL,
    rejection_reason           text        NULL,
    ordered                    boolean     NOT NULL,
    deleted_unless_ordered_by  timestamptz NULL,
    submitted_at               timestamptz NULL,
    kept_photo                 text        NOT NULL,
    kept_width_px              integer     NOT NULL,
    kept_height_px             integer     NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_studio_design_catalog_owner ON studio_design_catalog (owner_id, uploaded_at DESC);
CREATE INDEX IF NOT EXISTS ix_studio_design_catalog_status ON studio_design_catalog (status, uploaded_at);

DROP TABLE IF EXISTS studio_review_queue;
