-- 0002 · Orleans cluster membership (Microsoft.Orleans.Clustering.AdoNet 10.4.2)
--
-- Orleans' membership protocol keeps one row per silo plus one version row per cluster. Every change
-- to the membership (a silo joining, being suspected, declared dead) must move the version row on
-- by exactly one, and must fail when the writer's idea of the version is stale; that single row is
-- what makes concurrent writers from different silos take turns. The "etag" the provider hands us
-- is the version it last read.
--
-- Keys the provider requires (it refuses to start without any of them):
--   GatewaysQueryKey, MembershipReadRowKey, MembershipReadAllKey, InsertMembershipVersionKey,
--   UpdateIAmAlivetimeKey, InsertMembershipKey, UpdateMembershipKey,
--   DeleteMembershipTableEntriesKey, CleanupDefunctSiloEntriesKey
-- Key it uses when present (new in 10.x): CleanupDefunctSiloEntryKey.
--
-- Parameters are bound by name exactly as the provider's DbStoredQueries.Columns adds them:
-- @DeploymentId (= ClusterId), @Address (text), @Port, @Generation, @SiloName, @HostName, @Status,
-- @ProxyPort, @StartTime, @IAmAliveTime, @SuspectTimes (text or NULL), @Version (int).
--
-- Status values are Orleans' SiloStatus: 3 = Active, 6 = Dead.
-- Timestamps are timestamptz with millisecond precision; Orleans writes UTC.

CREATE TABLE IF NOT EXISTS orleansmembershipversiontable
(
    deploymentid varchar(150)   NOT NULL,
    timestamp    timestamptz(3) NOT NULL DEFAULT now(),
    version      integer        NOT NULL DEFAULT 0,

    CONSTRAINT pk_orleansmembershipversiontable_deploymentid PRIMARY KEY (deploymentid)
);

CREATE TABLE IF NOT EXISTS orleansmembershiptable
(
    deploymentid varchar(150)   NOT NULL,
    address      varchar(45)    NOT NULL,   -- IPv4 or IPv6 text form
    port         integer        NOT NULL,
    generation   integer        NOT NULL,
    siloname     varchar(150)   NOT NULL,
    hostname     varchar(150)   NOT NULL,
    status       integer        NOT NULL,
    proxyport    integer        NULL,       -- gateway port; 0 when the silo is no gateway
    suspecttimes text           NULL,       -- "silo,date|silo,date" as Orleans formats it
    starttime    timestamptz(3) NOT NULL,
    iamalivetime timestamptz(3) NOT NULL,

    CONSTRAINT pk_membershiptable_deploymentid PRIMARY KEY (deploymentid, address, port, generation),
    CONSTRAINT fk_membershiptable_membershipversiontable_deploymentid
        FOREIGN KEY (deploymentid) REFERENCES orleansmembershipversiontable (deploymentid)
);

-- Adds a silo's row and moves the version on, both or neither. Returns 1 on success, 0 when the
-- caller's version is stale or the silo (address, port, generation) is already listed; Orleans
-- then re-reads the table and tries again.
--
-- The version row is updated first: that takes its row lock, so writers of the same cluster are
-- serialised before anyone touches the membership rows. If the membership row then cannot be
-- written, the raised error unwinds the function block's subtransaction, version bump included.
-- (An explicit RAISE rather than ASSERT: assertions can be switched off by plpgsql.check_asserts.)
CREATE OR REPLACE FUNCTION orleans_membership_insert(
    p_deploymentid varchar,
    p_address      varchar,
    p_port         integer,
    p_generation   integer,
    p_siloname     varchar,
    p_hostname     varchar,
    p_status       integer,
    p_proxyport    integer,
    p_starttime    timestamptz,
    p_iamalivetime timestamptz,
    p_version      integer)
    RETURNS integer
    LANGUAGE plpgsql
AS $fn$
BEGIN
    UPDATE orleansmembershipversiontable
    SET    timestamp = now(),
           version   = version + 1
    WHERE  deploymentid = p_deploymentid
      AND  version = p_version
      AND  version < 2147483647;          -- never overflow into an error; report a conflict instead
    IF NOT FOUND THEN
        RETURN 0;
    END IF;

    INSERT INTO orleansmembershiptable
        (deploymentid, address, port, generation, siloname, hostname,
         status, proxyport, starttime, iamalivetime)
    VALUES
        (p_deploymentid, p_address, p_port, p_generation, p_siloname, p_hostname,
         p_status, p_proxyport, p_starttime, p_iamalivetime)
    ON CONFLICT (deploymentid, address, port, generation) DO NOTHING;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'silo % already in the membership table', p_address
            USING ERRCODE = 'OM001';
    END IF;
    RETURN 1;
EXCEPTION
    -- The handler belongs to the function's outermost block, so the version bump above is part
    -- of the subtransaction it rolls back.
    WHEN SQLSTATE 'OM001' THEN
        RETURN 0;
END
$fn$;

-- Rewrites a silo's status and suspicions and moves the version on, both or neither; 1 or 0 as
-- above. IAmAliveTime only ever moves forward: a late write carrying an older heartbeat must not
-- make a live silo look stale to the others.
CREATE OR REPLACE FUNCTION orleans_membership_update(
    p_deploymentid varchar,
    p_address      varchar,
    p_port         integer,
    p_generation   integer,
    p_status       integer,
    p_suspecttimes text,
    p_iamalivetime timestamptz,
    p_version      integer)
    RETURNS integer
    LANGUAGE plpgsql
AS $fn$
BEGIN
    UPDATE orleansmembershipversiontable
    SET    timestamp = now(),
           version   = version + 1
    WHERE  deploymentid = p_deploymentid
      AND  version = p_version
      AND  version < 2147483647;
    IF NOT FOUND THEN
        RETURN 0;
    END IF;

    UPDATE orleansmembershiptable
    SET    status       = p_status,
           suspecttimes = p_suspecttimes,
           iamalivetime = GREATEST(iamalivetime, p_iamalivetime)
    WHERE  deploymentid = p_deploymentid
      AND  address = p_address
      AND  port = p_port
      AND  generation = p_generation;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'silo % not in the membership table', p_address
            USING ERRCODE = 'OM001';
    END IF;
    RETURN 1;
EXCEPTION
    WHEN SQLSTATE 'OM001' THEN          -- undoes the version bump too, as above
        RETURN 0;
END
$fn$;

INSERT INTO orleansquery (querykey, querytext)
VALUES
-- Creates the cluster's version row on first start. 1 = created, 0 = it was already there; the
-- provider only logs the difference.
(
    'InsertMembershipVersionKey', $sql$
    WITH created AS (
        INSERT INTO orleansmembershipversiontable (deploymentid)
        VALUES (@DeploymentId)
        ON CONFLICT (deploymentid) DO NOTHING
        RETURNING 1
    )
    SELECT count(*)::integer AS row_count FROM created;
$sql$
),
(
    'InsertMembershipKey', $sql$
    SELECT orleans_membership_insert(
        @DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
        @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version) AS row_count;
$sql$
),
(
    'UpdateMembershipKey', $sql$
    SELECT orleans_membership_update(
        @DeploymentId, @Address, @Port, @Generation,
        @Status, @SuspectTimes, @IAmAliveTime, @Version) AS row_count;
$sql$
),
-- Heartbeat. Not versioned (Orleans does not check its outcome) and monotonic like the above.
(
    'UpdateIAmAlivetimeKey', $sql$
    UPDATE orleansmembershiptable
    SET    iamalivetime = GREATEST(iamalivetime, @IAmAliveTime)
    WHERE  deploymentid = @DeploymentId
      AND  address = @Address
      AND  port = @Port
      AND  generation = @Generation;
$sql$
),
-- Both reads start from the version row so that the current version comes back even when no silo
-- row matches: the provider takes the table version from the first row and builds no entry when
-- StartTime is NULL.
(
    'MembershipReadRowKey', $sql$
    SELECT v.deploymentid,
           m.address, m.port, m.generation, m.siloname, m.hostname, m.status, m.proxyport,
           m.suspecttimes, m.starttime, m.iamalivetime,
           v.version
    FROM   orleansmembershipversiontable v
           LEFT JOIN orleansmembershiptable m
                  ON m.deploymentid = v.deploymentid
                 AND m.address = @Address
                 AND m.port = @Port
                 AND m.generation = @Generation
    WHERE  v.deploymentid = @DeploymentId;
$sql$
),
(
    'MembershipReadAllKey', $sql$
    SELECT v.deploymentid,
           m.address, m.port, m.generation, m.siloname, m.hostname, m.status, m.proxyport,
           m.suspecttimes, m.starttime, m.iamalivetime,
           v.version
    FROM   orleansmembershipversiontable v
           LEFT JOIN orleansmembershiptable m ON m.deploymentid = v.deploymentid
    WHERE  v.deploymentid = @DeploymentId;
$sql$
),
-- Gateways clients may connect to; the provider passes @Status = 3 (Active).
(
    'GatewaysQueryKey', $sql$
    SELECT address, proxyport, generation
    FROM   orleansmembershiptable
    WHERE  deploymentid = @DeploymentId
      AND  status = @Status
      AND  proxyport > 0;
$sql$
),
-- Drops a whole cluster's membership (tests and tooling). Rows first, for the foreign key.
(
    'DeleteMembershipTableEntriesKey', $sql$
    DELETE FROM orleansmembershiptable        WHERE deploymentid = @DeploymentId;
    DELETE FROM orleansmembershipversiontable WHERE deploymentid = @DeploymentId;
$sql$
),
-- Bulk clean-up of long-dead silos, older than the cut-off in @IAmAliveTime. 10.4.2 only falls back
-- to this when CleanupDefunctSiloEntryKey is missing, but still requires the key. Only Dead rows
-- without pending suspicions go: a row that is merely stale may be a silo others still vote on.
(
    'CleanupDefunctSiloEntriesKey', $sql$
    DELETE FROM orleansmembershiptable
    WHERE  deploymentid = @DeploymentId
      AND  status = 6
      AND  iamalivetime < @IAmAliveTime
      AND  starttime < @IAmAliveTime
      AND  coalesce(suspecttimes, '') = '';
$sql$
),
-- Per-row clean-up used by 10.4.2: the provider reads the table, picks Dead rows older than the
-- cut-off, and deletes each only if it is still exactly what it read (captured StartTime,
-- IAmAliveTime and SuspectTimes), so a row changed in the meantime survives.
(
    'CleanupDefunctSiloEntryKey', $sql$
    DELETE FROM orleansmembershiptable
    WHERE  deploymentid = @DeploymentId
      AND  status = 6
      AND  address = @Address
      AND  port = @Port
      AND  generation = @Generation
      AND  starttime = @StartTime
      AND  iamalivetime = @IAmAliveTime
      AND  coalesce(suspecttimes, '') = coalesce(@SuspectTimes, '');
$sql$
)
ON CONFLICT (querykey) DO UPDATE
    SET querytext = EXCLUDED.querytext
    WHERE orleansquery.querytext IS DISTINCT FROM EXCLUDED.querytext;
