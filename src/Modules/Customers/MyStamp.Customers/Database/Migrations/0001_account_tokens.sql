-- Single-use tokens of the links an account is mailed: e-mail verification and password reset. Only the SHA-256
-- of a token is stored (the token itself is only in the mail), with the account's random id, the keyed hash of
-- the address it verifies, and its expiry: no personal data. Deleted with the customer's erasure (O7).
CREATE TABLE IF NOT EXISTS account_tokens (
    token_hash  bytea       PRIMARY KEY,
    customer_id uuid        NOT NULL,
    purpose     text        NOT NULL CHECK (purpose IN ('verify-email', 'reset-password')),
    email_key   text        NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz NULL
);

CREATE INDEX IF NOT EXISTS account_tokens_customer ON account_tokens (customer_id);
