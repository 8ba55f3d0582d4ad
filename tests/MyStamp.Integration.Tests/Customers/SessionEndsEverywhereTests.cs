using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MyStamp.Retention.Contracts;
using MyStamp.Customers.Contracts;
using MyStamp.Integration.Tests.Keys;
using MyStamp.Integration.Tests.Retention;

namespace MyStamp.Integration.Tests.Customers;

/// <summary>
/// A customer's session ended on one node (sign-out everywhere, an erasure by request or by the nightly sweep) is
/// refused on every other node at once, not only once that node's short memory of session versions runs out: the
/// customer grain, and the sweep's batch erasure, tell every node (README, "Sign-out ends the session everywhere").
/// The nodes' clock stands still here, so a node that was not told would accept the old cookie for ever.
/// </summary>
public sealed class SessionEndsEverywhereTests
{
    /// <summary>The nightly job would fire when the clock jumps three years: here only the test sweeps.</summary>
    private static readonly Dictionary<string, string?> OnlyTheTestSweeps = new() { ["Retention:SweepSchedule"] = "0 15 3 1 1 ? 2099" };

    [Fact]
    public async Task A_cookie_signed_out_on_node_A_is_refused_at_once_on_node_B_that_had_just_accepted_it()
    {
        await using var cluster = await FrozenCluster.Start("sessions-out");
        using var onA = await cluster.A.NewCustomer();
        using var onB = onA.On(cluster.B);
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/api/account/me")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await onA.PostAsync("/api/account/logout", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await onB.GetAsync("/api/account/me")).StatusCode);
    }

    [Fact]
    public async Task A_customer_erased_through_node_A_is_refused_at_once_on_node_B_with_their_old_cookie()
    {
        // O8
        await using var cluster = await FrozenCluster.Start("sessions-erased");
        using var onA = await cluster.A.NewCustomer();
        using var onB = onA.On(cluster.B);
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/api/account/me")).StatusCode);

        await cluster.A.Grains.GetGrain<ICustomerGrain>(onA.AccountId).AsReference<IRetentionSubject>().EraseNow(ErasureSource.Request);

        Assert.Equal(HttpStatusCode.Unauthorized, (await onB.GetAsync("/api/account/me")).StatusCode);
    }

    [Fact]
    public async Task A_customer_erased_by_the_sweep_is_refused_at_once_on_the_other_node_with_their_old_cookie()
    {
        // O7: the batch erasure takes customers whose grain is not active, so no grain of theirs tells the nodes.
        await using var cluster = await FrozenCluster.Start("sessions-swept");
        var account = await cluster.A.RegisterConsumer();
        // Their reminder is lost (its row deleted, the nodes restarted): only the sweep erases them.
        await cluster.LoseTheReminders();
        cluster.Clock.Advance(RetentionPeriod.DeadlineAfter(cluster.Clock.GetUtcNow()) - cluster.Clock.GetUtcNow() + TimeSpan.FromDays(1));
        using var onA = await cluster.A.Login(account);
        using var onB = onA.On(cluster.B);
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/api/account/me")).StatusCode);
        await cluster.DeactivateCustomer(account.CustomerId);

        var sweep = await cluster.A.Services.GetRequiredService<IRetentionReport>().SweepNow();

        Assert.Equal(1, sweep.CustomersErased);
        Assert.Equal(HttpStatusCode.Unauthorized, (await onB.GetAsync("/api/account/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await onA.GetAsync("/api/account/me")).StatusCode);
    }

    /// <summary>Two nodes of one cluster, alone in a database, on one fake clock that moves only when told.</summary>
    private sealed class FrozenCluster : IAsyncDisposable
    {
        private readonly string _database;
        private readonly string _clusterId = MyStampNode.NewClusterId();

        private FrozenCluster(string database) => _database = database;

        public FakeTimeProvider Clock { get; } = new(RetentionWorld.Start);
        public MyStampNode A { get; private set; } = null!;
        public MyStampNode B { get; private set; } = null!;

        public static async Task<FrozenCluster> Start(string purpose)
        {
            var cluster = new FrozenCluster(await TestDatabase.CreateIsolated(purpose));
            await cluster.StartNodes();
            return cluster;
        }

        private async Task StartNodes()
        {
            A = new MyStampNode(_clusterId, Clock, settings: OnlyTheTestSweeps, connectionString: _database).Start();
            B = new MyStampNode(_clusterId, Clock, settings: OnlyTheTestSweeps, connectionString: _database).Start();
            await KeyCacheTests.EveryNodeSeesTheOther(A, B);
        }

        public async Task LoseTheReminders()
        {
            await B.DisposeAsync();
            await A.DisposeAsync();
            await using (var dataSource = Npgsql.NpgsqlDataSource.Create(_database))
            await using (var command = dataSource.CreateCommand("DELETE FROM orleansreminderstable"))
            {
                await command.ExecuteNonQueryAsync();
            }
            await StartNodes();
        }

        /// <summary>Deactivates the customer's grain wherever it is and waits until no node holds it.</summary>
        public async Task DeactivateCustomer(Guid customerId)
        {
            var management = A.Grains.GetGrain<IManagementGrain>(0);
            var grain = A.Grains.GetGrain<ICustomerGrain>(customerId).GetGrainId();
            await management.DeactivateGrain(grain);
            await RetentionWorld.Eventually(async () => !(await management.GetActiveGrains(grain.Type)).Contains(grain), "the customer's grain is deactivated");
        }

        public async ValueTask DisposeAsync()
        {
            await B.DisposeAsync();
            await A.DisposeAsync();
            await TestDatabase.DropIsolated(_database);
        }
    }
}
