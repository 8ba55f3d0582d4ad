-- Where each design stands in moderation, so that admins can find the designs waiting for them.
-- Holds ids and dates only; a design's row goes when the design is erased.
CREATE TABLE IF NOT EXISTS studio_review_queue (
    design_id   uuid        PRIMARY KEY,
    status      text        NOT NULL,
    uploaded_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_studio_review_queue_status ON studio_review_queue (status, uploaded_at);
