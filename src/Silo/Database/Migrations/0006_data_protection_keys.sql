-- 0006 · ASP.NET Core Data Protection key ring (see Hosting/DataProtectionHosting.cs)
--
-- The keys that sign and encrypt the sign-in and antiforgery cookies. Every node reads them from here, so a
-- cookie issued by one node is accepted by every other, whatever host it runs on. One row per XML element
-- the framework stores (a key, or a revocation), under the name it gives it; rows are never updated, and
-- expired keys stay so that the framework can still tell why an old cookie is refused. No personal data.

CREATE TABLE IF NOT EXISTS data_protection_keys
(
    id            bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    friendly_name text         NOT NULL UNIQUE,
    xml           text         NOT NULL,
    stored_at     timestamptz  NOT NULL DEFAULT now()
);
