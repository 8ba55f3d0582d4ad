using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using MyStamp.Bench.Shared;
using Npgsql;

namespace MyStamp.Bench.Orders.Peer;

/// <summary>
/// The peer's customers: rows written straight into its tables (its setup is not what is measured; one password
/// hash for all of them), then each signed in through the peer's HTTP API with its own cookie, like MyStamp's.
/// </summary>
internal static class PeerScene
{
    private const string Password = "tulip-harbour-quietly-47";

    public static async Task<(List<BenchCustomer> Customers, HttpClient Admin)> Prepare(string peerUrl, string connectionString, int count)
    {
        var hash = new PasswordHasher<object>().HashPassword(new object(), Password);
        await using var db = NpgsqlDataSource.Create(connectionString);
        var run = Guid.NewGuid().ToString("N")[..8];
        var adminEmail = $"peer-admin-{run}@example.test";
        var ids = Enumerable.Range(0, count).Select(_ => (Customer: Guid.CreateVersion7(), Design: Guid.CreateVersion7())).ToList();
        await using (var connection = await db.OpenConnectionAsync())
        {
            await using var batch = new NpgsqlBatch(connection);
            batch.BatchCommands.Add(Customer(Guid.CreateVersion7(), adminEmail, hash, isAdmin: true));
            foreach (var (customer, design) in ids)
            {
                batch.BatchCommands.Add(Customer(customer, $"peer-{run}-{customer:N}@example.test", hash, isAdmin: false));
                var designRow = new NpgsqlBatchCommand("INSERT INTO peer_designs (id, owner_id, status) VALUES ($1, $2, 'Approved')");
                designRow.Parameters.Add(new() { Value = design });
                designRow.Parameters.Add(new() { Value = customer });
                batch.BatchCommands.Add(designRow);
            }
            await batch.ExecuteNonQueryAsync();
        }

        var admin = await SignIn(peerUrl, adminEmail, new CookieContainer());
        var customers = new List<BenchCustomer>();
        using var progress = new Progress("peer: sign in customers", count);
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (row, _) =>
        {
            var cookies = new CookieContainer();
            var client = await SignIn(peerUrl, $"peer-{run}-{row.Customer:N}@example.test", cookies);
            lock (customers)
            {
                customers.Add(new BenchCustomer(row.Customer, client, cookies) { DesignId = row.Design });
            }
            progress.Advance();
        });
        return (customers, admin);
    }

    private static NpgsqlBatchCommand Customer(Guid id, string email, string hash, bool isAdmin)
    {
        var command = new NpgsqlBatchCommand("""
            INSERT INTO peer_customers (id, email, password_hash, is_admin, first_name, last_name, street, house_number, postal_code, city, country,
                account_type, accepted_policy_version, registered_at)
            VALUES ($1, $2, $3, $4, 'Bench', 'Customer', 'Rue Neuve', '1', '1000', 'Brussels', 'BE', 'Consumer', 1, now())
            """);
        command.Parameters.Add(new() { Value = id });
        command.Parameters.Add(new() { Value = email });
        command.Parameters.Add(new() { Value = hash });
        command.Parameters.Add(new() { Value = isAdmin });
        return command;
    }

    private static async Task<HttpClient> SignIn(string baseUrl, string email, CookieContainer cookies)
    {
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri(baseUrl) };
        var response = await client.PostAsJsonAsync("/api/account/login", new { email, password = Password });
        await BenchSetup.Ensure(response, "sign in to the peer");
        return client;
    }
}
