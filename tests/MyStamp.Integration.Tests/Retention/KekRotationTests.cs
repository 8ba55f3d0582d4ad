using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using MyStamp.Customers.Contracts;
using MyStamp.Integration.Tests.Infrastructure;
using MyStamp.Keys;
using MyStamp.Keys.DataKeys;
using MyStamp.Keys.Rotation;
using Npgsql;

namespace MyStamp.Integration.Tests.Retention;

/// <summary>
/// Rotating the key-encryption key on a running cluster (README, "Keys and backups"): every data key is re-wrapped
/// while the nodes serve, a rotation cut off halfway resumes where it stopped, and afterwards the old KEK is no
/// longer needed: a node that knows only the new one reads every customer.
/// </summary>
public sealed class KekRotationTests
{
    [Fact]
    public async Task A_rotation_cut_off_halfway_resumes_and_loses_nothing_and_the_old_kek_is_then_not_needed()
    {
        var (oldKek, newKek) = (NewKek(), NewKek());
        var database = await TestDatabase.CreateIsolated("kek");
        try
        {
            var customers = new List<TestAccount>();
            // Before: the node wraps with the old KEK.
            await using (var before = Node(database, current: "old", ("old", oldKek), ("new", newKek)))
            {
                for (var i = 0; i < 25; i++)
                {
                    customers.Add(await before.RegisterConsumer());
                }
            }
            // 25 customers and the seeded admin, whose account is sealed under a key of its own.
            Assert.Equal(26L, await Wrapped(database, "old"));

            // The rolling restart made the new KEK current on every node (the old one still accepted); the node serves
            // while the re-wrap runs, which a crash cuts off after its first batch.
            await using (var during = Node(database, current: "new", ("old", oldKek), ("new", newKek)))
            {
                var options = Options(database, current: "new", ("old", oldKek), ("new", newKek));
                await using var store = new KeyStore(options.ConnectionString, NullLogger<KeyStore>.Instance);
                var rotation = new KeyRotation(store, new KeyEncryptionKeys(options), NullLogger<KeyRotation>.Instance);
                using var crash = new CancellationTokenSource();
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => rotation.Run(new SynchronousProgress(_ => crash.Cancel()), crash.Token, batchSize: 10));
                Assert.Equal(16L, await Wrapped(database, "old"));

                customers.Add(await during.RegisterConsumer());
                foreach (var customer in customers)
                {
                    using var signedIn = await during.Login(customer);
                }

                // Run again: it resumes with what is left.
                Assert.Equal(16, await rotation.Run(batchSize: 10));
                Assert.Equal(0L, await Wrapped(database, "old"));
                // 26 customers and the admins the two nodes seeded (each node here runs a cluster of its own).
                Assert.Equal(28L, await Wrapped(database, "new"));
            }

            // After: a node that knows only the new KEK opens every customer's data.
            await using var after = Node(database, current: "new", ("new", newKek));
            foreach (var customer in customers)
            {
                Assert.Equal(customer.Email, (await after.Grains.GetGrain<ICustomerGrain>(customer.CustomerId).GetProfile())!.Email);
            }
        }
        finally
        {
            await TestDatabase.DropIsolated(database);
        }
    }

    private static string NewKek() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static KeysOptions Options(string database, string current, params (string Id, string Kek)[] keks) => new()
    {
        ConnectionString = TestDatabase.KeysConnectionStringFor(database),
        CurrentKekId = current,
        Keks = keks.ToDictionary(kek => kek.Id, kek => kek.Kek, StringComparer.Ordinal),
    };

    private static MyStampNode Node(string database, string current, params (string Id, string Kek)[] keks)
    {
        var settings = new Dictionary<string, string?> { ["Keys:CurrentKekId"] = current };
        foreach (var (id, kek) in keks)
        {
            settings[$"Keys:Keks:{id}"] = kek;
        }
        return new MyStampNode(settings: settings, connectionString: database).Start();
    }

    private static async Task<long> Wrapped(string database, string kekId)
    {
        await using var dataSource = NpgsqlDataSource.Create(TestDatabase.KeysConnectionStringFor(database));
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM data_keys WHERE kek_id = @kek");
        command.Parameters.AddWithValue("kek", kekId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Reports on the caller's thread, so that the "crash" happens right after the first batch is stored.</summary>
    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
