-- 0008 · The cookie keys are encrypted at rest with the Data Protection certificate from now on
-- (Hosting/DataProtectionHosting.cs). A key written before that holds its <masterKey> in clear in this table:
-- whoever read it could forge a cookie. Such keys are dropped; the first node to need a key writes a new,
-- encrypted one, and customers signed in under an old key sign in once more. Revocations hold no secret and stay.

DELETE FROM data_protection_keys WHERE xml LIKE '%<masterKey%';
