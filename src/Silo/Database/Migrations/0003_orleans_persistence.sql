-- 0003 · Orleans grain state (Microsoft.Orleans.Persistence.AdoNet 10.4.2)
--
-- One row per grain state: the grain is identified by its hashed and natural keys, the state is the
-- serialized payload, and "version" is the ETag Orleans uses for optimistic concurrency. Every
-- write names the version it read; a write against any other version changes nothing and returns
-- a version Orleans recognises as a conflict (it then throws InconsistentStateException).
--
-- Keys loaded at start-up (10.4.2 reads exactly these four):
--   WriteToStorageKey, ReadFromStorageKey, ClearStorageKey  required
--   DeleteStorageKey                                        required by this project: with
--       DeleteStateOnClear = true the provider refuses to start when it is missing, and runs it
--       instead of ClearStorageKey on every ClearStateAsync.
--
-- Parameters the provider binds: @GrainIdHash (int), @GrainIdN0 (bigint), @GrainIdN1 (bigint),
-- @GrainTypeHash (int), @GrainTypeString (text), @GrainIdExtensionString (text or NULL),
-- @ServiceId (text), @GrainStateVersion (int or NULL), @PayloadBinary (bytea, writes only).
-- Columns it reads back: PayloadBinary and Version (read); NewGrainStateVersion (write); the first
-- column of the single returned row (clear/delete).
--
-- 10.x serializes every state into PayloadBinary and no longer reads or writes the JSON/XML payload
-- columns of the 3.x schema, so this table does not have them.

CREATE TABLE IF NOT EXISTS orleansstorage
(
    grainidhash            integer      NOT NULL,
    grainidn0              bigint       NOT NULL,
    grainidn1              bigint       NOT NULL,
    graintypehash          integer      NOT NULL,
    graintypestring        varchar(512) NOT NULL,
    grainidextensionstring varchar(512) NULL,
    serviceid              varchar(150) NOT NULL,
    payloadbinary          bytea        NULL,
    modifiedon             timestamptz  NOT NULL,
    version                integer      NULL
);

-- One row per grain, enforced. The hashes come first so the index also serves every lookup (they
-- are what the queries narrow on). NULLS NOT DISTINCT (PostgreSQL 15) makes two rows for a grain
-- without a key extension collide too. Two activations of one grain racing to create its first
-- state (possible during a cluster split) thus get one row and one conflict, rather than two rows
-- that would break every later read and leave a copy behind when the state is deleted.
CREATE UNIQUE INDEX IF NOT EXISTS ux_orleansstorage_grain
    ON orleansstorage (grainidhash, graintypehash, serviceid, grainidn0, grainidn1,
                       graintypestring, grainidextensionstring)
    NULLS NOT DISTINCT;

-- Write = update in place when the caller read a version, create when it read nothing.
-- Returns the new version on success. On a conflict it returns what the caller sent (the same
-- version, or NULL for a create), which Orleans reads as "not written".
CREATE OR REPLACE FUNCTION orleans_storage_write(
    p_grainidhash            integer,
    p_grainidn0              bigint,
    p_grainidn1              bigint,
    p_graintypehash          integer,
    p_graintypestring        varchar,
    p_grainidextensionstring varchar,
    p_serviceid              varchar,
    p_grainstateversion      integer,
    p_payloadbinary          bytea)
    RETURNS TABLE (newgrainstateversion integer)
    LANGUAGE plpgsql
AS $fn$
DECLARE
    v_written integer;
BEGIN
    IF p_grainstateversion IS NOT NULL THEN
        UPDATE orleansstorage AS s
        SET    payloadbinary = p_payloadbinary,
               modifiedon    = now(),
               version       = s.version + 1
        WHERE  s.grainidhash = p_grainidhash
          AND  s.graintypehash = p_graintypehash
          AND  s.grainidn0 = p_grainidn0
          AND  s.grainidn1 = p_grainidn1
          AND  s.graintypestring = p_graintypestring
          AND  s.grainidextensionstring IS NOT DISTINCT FROM p_grainidextensionstring
          AND  s.serviceid = p_serviceid
          AND  s.version = p_grainstateversion
        RETURNING s.version INTO v_written;
    ELSE
        -- A grain that read no state creates it at version 1. If a row exists already (someone
        -- else created it, or it was read and then lost), the unique index turns this into a no-op.
        INSERT INTO orleansstorage AS s
            (grainidhash, grainidn0, grainidn1, graintypehash, graintypestring,
             grainidextensionstring, serviceid, payloadbinary, modifiedon, version)
        VALUES
            (p_grainidhash, p_grainidn0, p_grainidn1, p_graintypehash, p_graintypestring,
             p_grainidextensionstring, p_serviceid, p_payloadbinary, now(), 1)
        ON CONFLICT DO NOTHING
        RETURNING s.version INTO v_written;
    END IF;

    RETURN QUERY SELECT coalesce(v_written, p_grainstateversion);
END
$fn$;

INSERT INTO orleansquery (querykey, querytext)
VALUES
(
    'WriteToStorageKey', $sql$
    SELECT newgrainstateversion
    FROM   orleans_storage_write(
               @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
               @GrainIdExtensionString, @ServiceId, @GrainStateVersion, @PayloadBinary);
$sql$
),
-- No row means "never written"; a row with a NULL payload (cleared without delete) is read as
-- "no record" too, but its version is still handed back as the ETag.
(
    'ReadFromStorageKey', $sql$
    SELECT payloadbinary, version
    FROM   orleansstorage
    WHERE  grainidhash = @GrainIdHash
      AND  graintypehash = @GrainTypeHash
      AND  grainidn0 = @GrainIdN0
      AND  grainidn1 = @GrainIdN1
      AND  graintypestring = @GrainTypeString
      AND  grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString
      AND  serviceid = @ServiceId;
$sql$
),
-- Clear that keeps the row (DeleteStateOnClear = false): the payload goes, the version moves on
-- and is returned. No row comes back when the version does not match, which Orleans reports as a
-- conflict. Kept because the provider requires the key even when it deletes instead.
(
    'ClearStorageKey', $sql$
    UPDATE orleansstorage
    SET    payloadbinary = NULL,
           modifiedon    = now(),
           version       = version + 1
    WHERE  grainidhash = @GrainIdHash
      AND  graintypehash = @GrainTypeHash
      AND  grainidn0 = @GrainIdN0
      AND  grainidn1 = @GrainIdN1
      AND  graintypestring = @GrainTypeString
      AND  grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString
      AND  serviceid = @ServiceId
      AND  version = @GrainStateVersion
    RETURNING version AS newgrainstateversion;
$sql$
),
-- Clear that removes the row (DeleteStateOnClear = true, this project's setting): personal data in a
-- grain's state is erased by ClearStateAsync, so nothing of it may stay behind. The delete is
-- guarded by the version like every other write. The provider takes the first column of the one
-- returned row and only needs it to be non-empty and different from the ETag it sent, so the row's
-- would-be next version is returned; no row (stale ETag) is a conflict and nothing is deleted.
-- Afterwards the grain holds no ETag and its next write creates a fresh row at version 1.
(
    'DeleteStorageKey', $sql$
    DELETE FROM orleansstorage
    WHERE  grainidhash = @GrainIdHash
      AND  graintypehash = @GrainTypeHash
      AND  grainidn0 = @GrainIdN0
      AND  grainidn1 = @GrainIdN1
      AND  graintypestring = @GrainTypeString
      AND  grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString
      AND  serviceid = @ServiceId
      AND  version = @GrainStateVersion
    RETURNING version + 1 AS newgrainstateversion;
$sql$
)
ON CONFLICT (querykey) DO UPDATE
    SET querytext = EXCLUDED.querytext
    WHERE orleansquery.querytext IS DISTINCT FROM EXCLUDED.querytext;
