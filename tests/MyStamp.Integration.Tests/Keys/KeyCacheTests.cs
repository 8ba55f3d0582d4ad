using Microsoft.Extensions.DependencyInjection;
using MyStamp.Retention.Contracts;
using MyStamp.Customers.Contracts;
using MyStamp.Integration.Tests.Infrastructure;
using MyStamp.Keys.Contracts;
using Npgsql;
using Orleans.Runtime;

namespace MyStamp.Integration.Tests.Keys;

/// <summary>
/// Each node keeps the data keys it uses in memory, so a personal grain's reads and writes cost no call to the key
/// store (README, "Keys and backups"); and destroying a key on one node takes it out of every node's memory first:
/// after an erasure no node of the cluster opens the subject's data.
/// </summary>
public sealed class KeyCacheTests
{
    [Fact]
    public async Task A_node_opens_with_the_key_it_holds_until_another_node_destroys_it()
    {
        // O7, O8
        var clusterId = MyStampNode.NewClusterId();
        await using var nodeA = new MyStampNode(clusterId).Start();
        await using var nodeB = new MyStampNode(clusterId).Start();
        await EveryNodeSeesTheOther(nodeA, nodeB);
        var subject = Guid.NewGuid();
        var envelope = await Protector(nodeA).Seal(subject, "Kerkstraat 12, 9000 Gent"u8.ToArray(), "test:address");
        Assert.NotNull(await Protector(nodeB).Open(envelope, "test:address"));

        // The key row goes behind the nodes' backs: both still open, from memory alone (the hot path reads no key).
        await DeleteKeyRow(subject);
        Assert.Equal("Kerkstraat 12, 9000 Gent"u8.ToArray(), await Protector(nodeA).Open(envelope, "test:address"));
        Assert.Equal("Kerkstraat 12, 9000 Gent"u8.ToArray(), await Protector(nodeB).Open(envelope, "test:address"));

        // Destroyed through A: B's copy goes too.
        await Protector(nodeA).DestroyKey(subject);

        Assert.Null(await Protector(nodeB).Open(envelope, "test:address"));
        Assert.Null(await Protector(nodeA).Open(envelope, "test:address"));
    }

    [Fact]
    public async Task After_an_erasure_through_one_node_no_node_reads_the_customer()
    {
        // O7, O8
        var clusterId = MyStampNode.NewClusterId();
        await using var nodeA = new MyStampNode(clusterId).Start();
        await using var nodeB = new MyStampNode(clusterId).Start();
        await EveryNodeSeesTheOther(nodeA, nodeB);
        var account = await nodeA.RegisterConsumer();
        using var signedInOnB = await nodeB.Login(account);
        Assert.NotNull(await nodeB.Grains.GetGrain<ICustomerGrain>(account.CustomerId).GetProfile());
        // Both nodes hold the customer's key, whichever of them hosts the customer's grain.
        var envelope = await Protector(nodeA).Seal(account.CustomerId, "Marie Dubois"u8.ToArray(), "test:name");
        Assert.NotNull(await Protector(nodeB).Open(envelope, "test:name"));

        await nodeA.Grains.GetGrain<ICustomerGrain>(account.CustomerId).AsReference<IRetentionSubject>().EraseNow(ErasureSource.Request);

        foreach (var node in new[] { nodeA, nodeB })
        {
            Assert.Null(await Protector(node).Open(envelope, "test:name"));
            Assert.Null(await node.Grains.GetGrain<ICustomerGrain>(account.CustomerId).GetProfile());
        }
        var me = await signedInOnB.GetAsync("/api/account/me");
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, me.StatusCode);
    }

    private static IPersonalDataProtector Protector(MyStampNode node) => node.Services.GetRequiredService<IPersonalDataProtector>();

    /// <summary>An erasure reaches the nodes its node knows of: wait until each lists both as active.</summary>
    internal static async Task EveryNodeSeesTheOther(params MyStampNode[] nodes)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (nodes.All(node => node.Services.GetRequiredService<IClusterMembershipService>().CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active) == nodes.Length))
            {
                return;
            }
            await Task.Delay(300);
        }
        Assert.Fail("the nodes did not see each other as active");
    }

    private static async Task DeleteKeyRow(Guid subject)
    {
        await using var keys = NpgsqlDataSource.Create(TestDatabase.KeysConnectionStringFor(TestDatabase.ConnectionString));
        await using var command = keys.CreateCommand("DELETE FROM data_keys WHERE subject_id = @subject");
        command.Parameters.AddWithValue("subject", subject);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
