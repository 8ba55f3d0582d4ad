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

    private static async Task<string?> SchemaFingerprint() =>
        await TestDatabase.Scalar<string>("""
            SELECT md5(string_agg(table_name || '.' || column_name || ':' || data_type, ',' ORDER BY table_name, column_name))
                || md5((SELECT string_agg(querykey || querytext, ',' ORDER BY querykey) FROM orleansquery))
            FROM information_schema.columns WHERE table_schema = 'public'
            """);
}
