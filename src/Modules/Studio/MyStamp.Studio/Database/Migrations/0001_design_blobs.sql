-- Photos of designs and the images derived from them. Kept in PostgreSQL, never on a node's disk,
-- so that every node can serve them and erasing a design deletes every copy (O7).
CREATE TABLE IF NOT EXISTS studio_design_blobs (
    design_id    uuid        NOT NULL,
    kind         text        NOT NULL,
    content_type text        NOT NULL,
    content      bytea       NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (design_id, kind)
);
