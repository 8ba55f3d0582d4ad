-- 0001 · Orleans query registry
--
-- The Orleans ADO.NET providers (clustering, grain persistence, reminders; 10.4.2) carry no SQL of
-- their own. When a provider starts it runs
--
--     SELECT QueryKey, QueryText FROM OrleansQuery [WHERE QueryKey = ...]
--
-- and from then on executes the stored text for each operation, binding named parameters such as
-- @DeploymentId or @GrainIdHash. Scripts 0002-0004 fill this table with one row per key the 10.4.2
-- providers look up; a missing required key makes the provider refuse to start.
--
-- Identifiers are unquoted and lower case: PostgreSQL folds the providers' unquoted "OrleansQuery",
-- "QueryKey" and "QueryText" to these names, and Npgsql matches result columns by name without
-- regard to case.
--
-- The script runs inside the migrator's transaction, so it holds no BEGIN/COMMIT of its own. Like
-- every script here it is idempotent: a second run finds everything in place and changes nothing.

CREATE TABLE IF NOT EXISTS orleansquery
(
    querykey  varchar(64) NOT NULL,
    -- text rather than a bounded varchar: a statement is never cut short by a column width.
    querytext text        NOT NULL,

    CONSTRAINT orleansquery_key PRIMARY KEY (querykey)
);
