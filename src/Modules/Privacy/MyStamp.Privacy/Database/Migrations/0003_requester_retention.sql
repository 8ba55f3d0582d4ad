-- Privacy module: requests whose requester has been forgotten (O7), so that the nightly retention job finds
-- the closed requests still holding someone's details without reading every request. Idempotent.
--
-- A requester is forgotten with their customer's erasure, or three years after their request was closed
-- (Requests/ClosedRequestRetention.cs): a request from someone with no account, or one never linked to it,
-- is not reached by a customer's erasure.

ALTER TABLE privacy_requests ADD COLUMN IF NOT EXISTS requester_forgotten_at timestamptz NULL;

-- Requests forgotten before this column existed: their trail says when.
UPDATE privacy_requests AS r
SET requester_forgotten_at = forgotten.at
FROM (SELECT request_id, min(at) AS at FROM privacy_request_audit
      WHERE action = 'Requester''s personal data erased' GROUP BY request_id) AS forgotten
WHERE forgotten.request_id = r.request_id AND r.requester_forgotten_at IS NULL;

CREATE INDEX IF NOT EXISTS privacy_requests_closed_remembered
    ON privacy_requests (closed_at) WHERE closed_at IS NOT NULL AND requester_forgotten_at IS NULL;
