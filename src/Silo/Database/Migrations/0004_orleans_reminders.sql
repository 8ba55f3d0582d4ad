-- 0004 · Orleans reminders (Microsoft.Orleans.Reminders.AdoNet 10.4.2)
--
-- One row per (service, grain, reminder name). "version" is the reminder's ETag: every upsert moves
-- it on, and a delete only succeeds with the version the caller holds.
--
-- Keys the provider requires:
--   UpsertReminderRowKey, ReadReminderRowsKey, ReadReminderRowKey, ReadRangeRows1Key,
--   ReadRangeRows2Key, DeleteReminderRowKey, DeleteReminderRowsKey
--
-- Parameters it binds: @ServiceId, @GrainId (GrainId.ToString(), text), @ReminderName,
-- @StartTime (UTC), @Period (milliseconds; an int, or a bigint once it exceeds int range),
-- @GrainHash / @BeginHash / @EndHash (the uint hashes reinterpreted as signed int), @Version.
-- Columns it reads: GrainId, ReminderName, StartTime, Period (int or bigint), Version.
--
-- Range reads: the provider compares the ring bounds as signed integers, the way the hashes are
-- stored. When Begin < End it uses ReadRangeRows1Key, the plain interval (Begin, End]; otherwise
-- ReadRangeRows2Key, the interval that wraps round, "above Begin or up to End" (the whole ring when
-- Begin = End).
--
-- The period is a bigint: 10.x binds it as a bigint once it exceeds int range (~24.8 days) and
-- reads either width back. The cron / priority columns found in upstream 10.x reminder migrations
-- belong to the separate Orleans.AdvancedReminders.AdoNet provider; this provider neither binds
-- nor reads them, and a query naming them would fail for want of parameters.

CREATE TABLE IF NOT EXISTS orleansreminderstable
(
    serviceid    varchar(150)   NOT NULL,
    -- GrainId.ToString() is "type/key"; room for long type names and string keys.
    grainid      varchar(512)   NOT NULL,
    remindername varchar(150)   NOT NULL,
    starttime    timestamptz(3) NOT NULL,
    period       bigint         NOT NULL,
    grainhash    integer        NOT NULL,
    version      integer        NOT NULL,

    CONSTRAINT pk_reminderstable_serviceid_grainid_remindername
        PRIMARY KEY (serviceid, grainid, remindername)
);

-- The reminder service of each silo reads its slice of the hash ring on start and on every
-- membership change; without this those reads scan the whole table.
CREATE INDEX IF NOT EXISTS ix_reminderstable_serviceid_grainhash
    ON orleansreminderstable (serviceid, grainhash);

INSERT INTO orleansquery (querykey, querytext)
VALUES
-- Insert at version 0, or replace the schedule and move the version on. Returns the new version.
(
    'UpsertReminderRowKey', $sql$
    INSERT INTO orleansreminderstable AS r
        (serviceid, grainid, remindername, starttime, period, grainhash, version)
    VALUES
        (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period::bigint, @GrainHash, 0)
    ON CONFLICT (serviceid, grainid, remindername) DO UPDATE
        SET starttime = EXCLUDED.starttime,
            period    = EXCLUDED.period,
            grainhash = EXCLUDED.grainhash,
            version   = r.version + 1
    RETURNING r.version AS version;
$sql$
),
(
    'ReadReminderRowsKey', $sql$
    SELECT grainid, remindername, starttime, period, version
    FROM   orleansreminderstable
    WHERE  serviceid = @ServiceId
      AND  grainid = @GrainId;
$sql$
),
(
    'ReadReminderRowKey', $sql$
    SELECT grainid, remindername, starttime, period, version
    FROM   orleansreminderstable
    WHERE  serviceid = @ServiceId
      AND  grainid = @GrainId
      AND  remindername = @ReminderName;
$sql$
),
-- (Begin, End] when Begin < End as signed integers.
(
    'ReadRangeRows1Key', $sql$
    SELECT grainid, remindername, starttime, period, version
    FROM   orleansreminderstable
    WHERE  serviceid = @ServiceId
      AND  grainhash > @BeginHash
      AND  grainhash <= @EndHash;
$sql$
),
-- The range wraps past the end of the signed ring (Begin >= End).
(
    'ReadRangeRows2Key', $sql$
    SELECT grainid, remindername, starttime, period, version
    FROM   orleansreminderstable
    WHERE  serviceid = @ServiceId
      AND  (grainhash > @BeginHash OR grainhash <= @EndHash);
$sql$
),
-- 1 when the row with the caller's version was deleted, 0 when it was gone or had moved on.
(
    'DeleteReminderRowKey', $sql$
    WITH deleted AS (
        DELETE FROM orleansreminderstable
        WHERE  serviceid = @ServiceId
          AND  grainid = @GrainId
          AND  remindername = @ReminderName
          AND  version = @Version
        RETURNING 1
    )
    SELECT count(*)::integer AS row_count FROM deleted;
$sql$
),
(
    'DeleteReminderRowsKey', $sql$
    DELETE FROM orleansreminderstable
    WHERE  serviceid = @ServiceId;
$sql$
)
ON CONFLICT (querykey) DO UPDATE
    SET querytext = EXCLUDED.querytext
    WHERE orleansquery.querytext IS DISTINCT FROM EXCLUDED.querytext;
