using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using MyStamp.Integration.Tests.Infrastructure;

namespace MyStamp.Integration.Tests.Platform;

/// <summary>
/// The cookies' keys live in PostgreSQL: a sign-in made on one node holds on every node of the database,
/// wherever it runs, and nowhere else. (Every node of this test shares one machine and one home folder, so
/// only a node on another database can tell the database's key ring from the framework's default folder.)
/// </summary>
public sealed class DataProtectionTests
{
    [Fact]
    public async Task A_sign_in_made_on_one_node_holds_on_the_others_of_its_database_and_nowhere_else()
    {
        var clusterId = MyStampNode.NewClusterId();
        await using var nodeA = new MyStampNode(clusterId).Start();
        await using var nodeB = new MyStampNode(clusterId).Start();
        var elsewhere = await TestDatabase.CreateIsolated("keys");
        try
        {
            await using var otherDatabase = new MyStampNode(connectionString: elsewhere).Start();

            using var customer = await nodeA.NewCustomer();
            using var sameCustomerOnB = customer.On(nodeB);
            Assert.Equal(HttpStatusCode.OK, (await sameCustomerOnB.GetAsync("/api/account/me")).StatusCode);

            var secret = Protector(nodeA).Protect("a cookie's payload");
            Assert.Equal("a cookie's payload", Protector(nodeB).Unprotect(secret));
            Assert.ThrowsAny<CryptographicException>(() => Protector(otherDatabase).Unprotect(secret));
            Assert.True(await TestDatabase.Scalar<long>("SELECT count(*) FROM data_protection_keys") >= 1);
        }
        finally
        {
            await TestDatabase.DropIsolated(elsewhere);
        }
    }

    private static IDataProtector Protector(MyStampNode node) =>
        node.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("MyStamp.Integration.Tests.Platform");
}
