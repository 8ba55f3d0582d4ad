-- An erasure under way (O7): set before the subject's data key is destroyed, so that a node dying between the
-- key's destruction and the deletion of the rows leaves a mark the nightly sweep finds and finishes, whatever
-- the subject's deadline (an erasure on request comes before it).
ALTER TABLE retention_deadlines ADD COLUMN IF NOT EXISTS erasure_started_at timestamptz NULL;

CREATE INDEX IF NOT EXISTS retention_deadlines_erasure_pending ON retention_deadlines (subject_kind, subject_id)
    WHERE erasure_started_at IS NOT NULL AND erased_at IS NULL;
