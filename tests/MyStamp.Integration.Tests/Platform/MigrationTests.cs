using MyStamp.BuildingBlocks.Database;
using MyStamp.Integration.Tests.Infrastructure;
using MyStamp.Silo.Database;

namespace MyStamp.Integration.Tests.Platform;

public class MigrationTests
{
    [Fact]
    public async Task Running_every_script_again_changes_nothing()
    {
        // The scripts themselves are idempotent: forget that they ran and run them all again.
        await using var node = new MyStampNode().Start();
        var scripts = new SiloSchema().Migrations;
        await using var dataSource = TestDatabase.CreateDataSource();

        var before = await SchemaFingerprint();
        foreach (var script in scripts)
        {
            await using var command = dataSource.CreateCommand(script.Sql);
            await command.ExecuteNonQueryAsync();
        }
        var applied = await PostgresMigrator.ApplyAsync(dataSource, scripts);

        Assert.Equal(0, applied);
        Assert.Equal(before, await SchemaFingerprint());
    }

    [Fact]
    public async Task A_node_refuses_to_start_when_a_script_applied_to_its_database_was_edited()
    {
        var connectionString = await TestDatabase.CreateIsolated("edited");
        try
        {
            var scripts = new SiloSchema().Migrations;
            await using var dataSource = Npgsql.NpgsqlDataSource.Create(connectionString);
            Assert.Equal(scripts.Count, await PostgresMigrator.ApplyAsync(dataSource, scripts));
            await using (var checksums = dataSource.CreateCommand("SELECT count(*) FROM schema_migrations WHERE checksum IS NOT NULL"))
            {
                Assert.Equal((long)scripts.Count, (long)(await checksums.ExecuteScalarAsync())!);
            }

            // The same scripts again, one line ending changed: not an edit.
            Assert.Equal(0, await PostgresMigrator.ApplyAsync(dataSource, scripts.Select(s => s with { Sql = s.Sql.Replace("\n", "\r\n") })));

            // One script changed after it ran.
            var edited = scripts.Select((script, i) => i == 2 ? script with { Sql = script.Sql + "\n-- changed afterwards\n" } : script).ToList();
            var refused = await Assert.ThrowsAsync<EditedMigrationException>(() => PostgresMigrator.ApplyAsync(dataSource, edited));
            Assert.Equal(scripts[2].Id, refused.MigrationId);

            // A whole node on that database: it does not start.
            await using (var tamper = dataSource.CreateCommand("UPDATE schema_migrations SET checksum = 'edited' WHERE id = @id"))
            {
                tamper.Parameters.AddWithValue("id", scripts[0].Id);
                await tamper.ExecuteNonQueryAsync();
            }
            await using var node = new MyStampNode(connectionString: connectionString);
            var failed = Assert.ThrowsAny<Exception>(() => node.Start());
            Assert.Contains(scripts[0].Id, failed.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            await TestDatabase.DropIsolated(connectionString);
        }
    }

    [Fact]
    public async Task A_script_applied_before_checksums_were_recorded_gets_its_checksum()
    {
        var connectionString = await TestDatabase.CreateIsolated("checksum");
        try
        {
            var scripts = new SiloSchema().Migrations;
            await using var dataSource = Npgsql.NpgsqlDataSource.Create(connectionString);
            await PostgresMigrator.ApplyAsync(dataSource, scripts);
            await using (var forget = dataSource.CreateCommand("UPDATE schema_migrations SET checksum = NULL"))
            {
                await forget.ExecuteNonQueryAsync();
            }

            Assert.Equal(0, await PostgresMigrator.ApplyAsync(dataSource, scripts));

            await using var read = dataSource.CreateCommand("SELECT checksum FROM schema_migrations WHERE id = @id");
            read.Parameters.AddWithValue("id", scripts[0].Id);
            Assert.Equal(PostgresMigrator.Checksum(scripts[0].Sql), (string?)await read.ExecuteScalarAsync());
        }
        finally
        {
            await TestDatabase.DropIsolated(connectionString);
        }
    }

    private static async Task<string?> SchemaFingerprint() =>
        await TestDatabase.Scalar<string>("""
            SELECT md5(string_agg(table_name || '.' || column_name || ':' || data_type, ',' ORDER BY table_name, column_name))
                || md5((SELECT string_agg(querykey || querytext, ',' ORDER BY querykey) FROM orleansquery))
            FROM information_schema.columns WHERE table_schema = 'public'
            """);
}
