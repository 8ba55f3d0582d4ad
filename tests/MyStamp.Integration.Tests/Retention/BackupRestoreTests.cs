using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MyStamp.Customers.Contracts;
using MyStamp.Integration.Tests.Infrastructure;
using MyStamp.Keys.Contracts;
using MyStamp.Retention.Contracts;
using MyStamp.Studio.Contracts;
using Npgsql;

namespace MyStamp.Integration.Tests.Retention;

/// <summary>
/// Backups as an operator runs them (O7, README "Keys and backups"): <c>./mystamp db backup</c> writes the data and
/// the key store to separate files; a restore takes the data of an old backup with the newest keys. A customer
/// erased after the data backup was taken stays erased, and nothing of theirs in the restored data opens.
/// </summary>
public sealed class BackupRestoreTests
{
    [Fact]
    public async Task A_backup_taken_before_an_erasure_restored_after_it_shows_the_customer_erased_and_opens_none_of_their_data()
    {
        // O7, O8
        var backups = Directory.CreateTempSubdirectory("mystamp-backup-");
        string? restored = null;
        try
        {
            Guid erasedId, keptId, designId;
            TestAccount erased, kept;
            string database;
            await using (var node = await MyStampNode.StartAlone("backup"))
            {
                database = new NpgsqlConnectionStringBuilder(node.ConnectionString).Database!;
                erased = await node.RegisterConsumer();
                kept = await node.RegisterConsumer();
                (erasedId, keptId) = (erased.CustomerId, kept.CustomerId);
                using (var client = await node.Login(erased))
                {
                    designId = await RetentionWorld.UploadDesign(client, RetentionWorld.PatternPhoto());
                }

                var (dataBefore, _) = await Backup(database, backups);
                await node.Grains.GetGrain<ICustomerGrain>(erasedId).AsReference<IRetentionSubject>().EraseNow(ErasureSource.Request);
                Assert.Null(await node.Grains.GetGrain<ICustomerGrain>(erasedId).GetProfile());
                // The keys are backed up daily (and kept 35 days at most); this is the first backup after the erasure.
                await Task.Delay(TimeSpan.FromSeconds(1.1));
                await Backup(database, backups);

                restored = await TestDatabase.CreateIsolated("restored");
                await TestDatabase.DropIsolated(restored); // ./mystamp db restore makes fresh databases itself
                await Script("db", "restore", "--into", new NpgsqlConnectionStringBuilder(restored).Database!, dataBefore);
            }

            // The product, started on the restored databases as a new cluster.
            await using var restoredNode = new MyStampNode(connectionString: restored).Start();
            Assert.Null(await restoredNode.Grains.GetGrain<ICustomerGrain>(erasedId).GetProfile());
            await Assert.ThrowsAsync<InvalidOperationException>(() => restoredNode.Login(erased));
            Assert.Null(await restoredNode.Grains.GetGrain<IDesignGrain>(designId).GetSummary());
            // The customer who was not erased is all there.
            Assert.Equal(kept.Email, (await restoredNode.Grains.GetGrain<ICustomerGrain>(keptId).GetProfile())!.Email);
            using (await restoredNode.Login(kept))
            {
            }

            // The erased customer's rows came back with the old data, and not a byte of them opens.
            var protector = restoredNode.Services.GetRequiredService<IPersonalDataProtector>();
            await using var dataSource = NpgsqlDataSource.Create(restored);
            var blobs = 0;
            await using (var command = dataSource.CreateCommand("SELECT kind, content FROM studio_design_blobs WHERE design_id = @id"))
            {
                command.Parameters.AddWithValue("id", designId);
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    blobs++;
                    Assert.Null(await protector.Open(reader.GetFieldValue<byte[]>(1), $"studio-blob:{designId:N}:{reader.GetString(0)}"));
                }
            }
            Assert.True(blobs >= 1, "the old backup holds the photo's (sealed) rows");
            await using var keys = NpgsqlDataSource.Create(TestDatabase.KeysConnectionStringFor(restored));
            await using var count = keys.CreateCommand("SELECT count(*) FILTER (WHERE subject_id = @erased), count(*) FILTER (WHERE subject_id = @kept) FROM data_keys");
            count.Parameters.AddWithValue("erased", erasedId);
            count.Parameters.AddWithValue("kept", keptId);
            await using var counted = await count.ExecuteReaderAsync();
            Assert.True(await counted.ReadAsync());
            Assert.Equal((0L, 1L), (counted.GetInt64(0), counted.GetInt64(1)));
        }
        finally
        {
            if (restored is not null)
            {
                await TestDatabase.DropIsolated(restored);
            }
            backups.Delete(recursive: true);
        }
    }

    /// <summary>Runs <c>./mystamp db backup</c>; returns the data file and the keys file it wrote.</summary>
    private static async Task<(string Data, string Keys)> Backup(string database, DirectoryInfo folder)
    {
        var output = await Script("db", "backup", "--db", database, "--dir", folder.FullName);
        var data = output.Single(line => line.StartsWith("data: ", StringComparison.Ordinal))["data: ".Length..];
        var keys = output.Single(line => line.StartsWith("keys: ", StringComparison.Ordinal))["keys: ".Length..].Split(' ')[0];
        Assert.Contains("-keys-", keys, StringComparison.Ordinal);
        Assert.Matches(@"\.delete-after-\d{8}\.dump$", keys);
        return (data, keys);
    }

    private static async Task<string[]> Script(params string[] arguments)
    {
        var script = Environment.GetEnvironmentVariable("MYSTAMP_SCRIPT") ?? throw new InvalidOperationException("MYSTAMP_SCRIPT is not set: run the tests with ./mystamp test.");
        var start = new ProcessStartInfo("bash", [script, .. arguments]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"./mystamp {string.Join(' ', arguments)} failed: {await errors}");
        return (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
