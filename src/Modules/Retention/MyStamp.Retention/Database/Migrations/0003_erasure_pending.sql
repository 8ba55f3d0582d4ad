-- An erasure under way (O7): set before the subject's data key is destroyed, so that a node dying between the
-- key's destruction and the deletion of the rows leaves a mark the nightly sweep finds and finishes, whatever
-- the subject's deadline (an erasure on request comes before it).
ALTER TABLE retention_deadlines ADD COLUMN IF NOT EXISTS erasure_started_at timestamptz NULL;

CREATE INDEX IF NOT EXISTS retention_deadlines_erasure_pending ON retention_deadlines (subject_kind, subject_id)
    WHERE erasure_started_at IS NOT NULL AND erased_at IS NULL;

-- The sweep's batch erasure (Customers' CustomerBatchErasure): what it is about to erase, written before the keys
-- are destroyed, since the customers' states (which name their orders and designs) no longer open afterwards.
-- Random ids and the keyed e-mail hash only; the row goes when the customer's rows are gone.
CREATE TABLE IF NOT EXISTS retention_batch_erasures (
    customer_id uuid        PRIMARY KEY,
    order_ids   uuid[]      NOT NULL,
    design_ids  uuid[]      NOT NULL,
    email_key   text        NULL,
    source      text        NOT NULL,
    started_at  timestamptz NOT NULL
);

-- The batch erasure deletes grain rows by their Guid key (Orleans' own index is on hashes of key and type).
CREATE INDEX IF NOT EXISTS orleansstorage_by_guid_key ON orleansstorage (grainidn0, grainidn1);
