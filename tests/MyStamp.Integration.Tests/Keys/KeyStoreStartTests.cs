using Microsoft.Extensions.Logging.Abstractions;
using MyStamp.Integration.Tests.Infrastructure;
using MyStamp.Keys.DataKeys;
using Npgsql;

namespace MyStamp.Integration.Tests.Keys;

/// <summary>
/// The default key store is a database beside the data that the first node to start creates (README, "Keys and
/// backups"). Nodes of a cluster start at once after a deployment: whichever of them creates it, none fails.
/// </summary>
public sealed class KeyStoreStartTests
{
    [Fact]
    public async Task Nodes_starting_at_once_on_a_missing_key_store_all_start_and_share_one_store()
    {
        var name = $"{new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString).Database}_keysrace_{Guid.NewGuid():N}"[..58];
        var connectionString = new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString) { Database = name }.ConnectionString;
        var stores = Enumerable.Range(0, 8).Select(_ => new KeyStore(connectionString, NullLogger<KeyStore>.Instance, createDatabaseIfMissing: true)).ToList();
        try
        {
            var subject = Guid.NewGuid();
            // Eight nodes' first use of the store, at the same moment: each creates the database when it finds none.
            var first = await Task.WhenAll(stores.Select(store => Task.Run(() => store.Find(subject))));
            Assert.All(first, Assert.Null);

            // One store for all: a key one node adds is the key every other finds.
            var added = await stores[0].Add(new WrappedKey(subject, "kek-1", [1, 2, 3]));
            foreach (var store in stores)
            {
                Assert.Equal(added.Wrapped, (await store.Find(subject))!.Wrapped);
            }
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
            NpgsqlConnection.ClearAllPools();
            await using var dataSource = TestDatabase.CreateDataSource();
            await using var drop = dataSource.CreateCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            await drop.ExecuteNonQueryAsync();
        }
    }
}
