using System.Text;
using MyStamp.BuildingBlocks.Hashing;
using MyStamp.Customers.Contracts;
using MyStamp.Integration.Tests.Infrastructure;

namespace MyStamp.Integration.Tests.Customers;

/// <summary>
/// PostgreSQL keeps grain keys and reminder rows in clear text, so no e-mail address may ever be a key
/// (DESIGN.md): the e-mail index is keyed by an HMAC of the address.
/// </summary>
public class StorageKeyTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    [Fact]
    public async Task No_text_column_of_any_table_holds_a_customer_email_address()
    {
        var node = fixture.Node;
        var marker = $"keycheck{Guid.NewGuid():N}";
        var consumer = await node.RegisterConsumer($"{marker}.consumer@example.test");
        var pro = await node.RegisterPro($"{marker}.pro@example.test");
        using (var client = await node.Login(consumer))
        {
            var moved = Accounts.ConsumerRegistration($"{marker}.moved@example.test");
            moved.Remove("password");
            using var put = await System.Net.Http.Json.HttpClientJsonExtensions.PutAsJsonAsync(client, "/api/account/me", moved, Accounts.Json);
            put.EnsureSuccessStatusCode();
        }
        // Let a failed sign-in write the lock-out counter too.
        await Assert.ThrowsAsync<InvalidOperationException>(() => node.Login(pro.Email, "not the password"));

        await using var dataSource = TestDatabase.CreateDataSource();
        var textColumns = new List<(string Table, string Column)>();
        await using (var columns = dataSource.CreateCommand("""
            SELECT table_name, column_name FROM information_schema.columns
            WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'character')
            """))
        await using (var reader = await columns.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                textColumns.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        Assert.Contains(("orleansstorage", "grainidextensionstring"), textColumns);
        Assert.Contains(("orleansstorage", "graintypestring"), textColumns);
        Assert.Contains(("orleansreminderstable", "grainid"), textColumns);

        var hits = new List<string>();
        foreach (var (table, column) in textColumns)
        {
            await using var search = dataSource.CreateCommand($"SELECT count(*) FROM \"{table}\" WHERE \"{column}\" ILIKE @marker");
            search.Parameters.AddWithValue("marker", $"%{marker}%");
            if ((long)(await search.ExecuteScalarAsync())! > 0)
            {
                hits.Add($"{table}.{column}");
            }
        }
        Assert.Empty(hits);

        // The checks above can fail: the addresses are in the database, inside the customers' state, sealed under
        // each customer's key (no payload holds them in plaintext) and opened when the grain reads its row...
        await using var payload = dataSource.CreateCommand("SELECT count(*) FROM orleansstorage WHERE position(convert_to(@email, 'UTF8') in payloadbinary) > 0");
        payload.Parameters.AddWithValue("email", pro.Email);
        Assert.Equal(0L, await payload.ExecuteScalarAsync());
        Assert.Equal(pro.Email, (await node.Grains.GetGrain<ICustomerGrain>(pro.CustomerId).GetProfile())!.Email);
        // ...and the index row of each current address is keyed by its HMAC.
        var hasher = new LookupKeyHasher(Encoding.UTF8.GetBytes(Environment.GetEnvironmentVariable("Security__LookupKeySecret")!));
        foreach (var email in new[] { pro.Email, $"{marker}.moved@example.test" })
        {
            var key = hasher.Hash("customers.email", email);
            Assert.Equal(1L, await TestDatabase.Scalar<long>("SELECT count(*) FROM orleansstorage WHERE grainidextensionstring = @key", ("key", key)));
        }
        // The address given up left no index row behind.
        var oldKey = hasher.Hash("customers.email", consumer.Email);
        Assert.Equal(0L, await TestDatabase.Scalar<long>("SELECT count(*) FROM orleansstorage WHERE grainidextensionstring = @key", ("key", oldKey)));
    }

    [Fact]
    public async Task An_admin_account_keeps_its_address_sealed_and_still_signs_in()
    {
        // Staff are data subjects too: the seeded admin's address is in no grain row in plaintext.
        var node = fixture.Node;
        using var admin = await node.LoginAsAdmin();
        Assert.Equal(0L, await TestDatabase.Scalar<long>(
            "SELECT count(*) FROM orleansstorage WHERE position(convert_to(@email, 'UTF8') in payloadbinary) > 0", ("email", node.AdminEmail)));
        // Control: the same query finds an address a row holds in plaintext (the column is bytes, the search sees them).
        Assert.True(await TestDatabase.Scalar<bool>("SELECT position(convert_to(@email, 'UTF8') in convert_to('x' || @email || 'y', 'UTF8')) > 0", ("email", node.AdminEmail)));
    }
}
