using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MyStamp.Integration.Tests.Infrastructure;

/// <summary>A registered test account: its id and how to sign in.</summary>
public sealed record TestAccount(Guid CustomerId, string Email, string Password);

/// <summary>
/// Accounts for tests of every area: register consumers and Pro accounts over the real API, sign in
/// (an <see cref="HttpClient"/> holding the auth cookie and the API's X-Requested-With header), sign in
/// as the node's admin.
/// </summary>
public static class Accounts
{
    public const string DefaultPassword = "correct horse battery";

    /// <summary>A valid Belgian enterprise number (check digits 97 - 01234567 mod 97 = 49).</summary>
    public const string ValidVatNumber = "BE0123.456.749";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>An address nobody else uses.</summary>
    public static string NewEmail(string tag = "customer") => $"{tag}-{Guid.NewGuid():N}@example.test";

    /// <summary>A complete, valid consumer registration body; change fields to test rules.</summary>
    public static JsonObject ConsumerRegistration(string? email = null, string password = DefaultPassword) => new()
    {
        ["firstName"] = "Ann",
        ["lastName"] = "Peeters",
        ["email"] = email ?? NewEmail(),
        ["password"] = password,
        ["gender"] = "Female",
        ["birthDate"] = "1990-04-23",
        ["phone"] = "0470 12 34 56",
        ["address"] = new JsonObject
        {
            ["street"] = "Wetstraat",
            ["houseNumber"] = "16",
            ["box"] = null,
            ["postalCode"] = "1000",
            ["city"] = "Brussel",
            ["country"] = "BE",
        },
        ["accountType"] = "Consumer",
        ["acceptedPolicyVersion"] = 1,
    };

    /// <summary>A complete, valid Pro registration body.</summary>
    public static JsonObject ProRegistration(string? email = null, string password = DefaultPassword)
    {
        var body = ConsumerRegistration(email ?? NewEmail("pro"), password);
        body["accountType"] = "Pro";
        body["vatNumber"] = ValidVatNumber;
        return body;
    }

    /// <summary>A client for the JSON API: sends X-Requested-With, keeps cookies, never follows redirects.</summary>
    public static HttpClient CreateApiClient(this MyStampNode node)
    {
        var client = node.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            // The node's own address: the in-memory server's, or the loopback port a browser test listens on.
            BaseAddress = node.ServerAddress,
        });
        client.DefaultRequestHeaders.Add("X-Requested-With", "XMLHttpRequest");
        return client;
    }

    public static async Task<TestAccount> RegisterConsumer(this MyStampNode node, string? email = null, string password = DefaultPassword) =>
        await node.Register(ConsumerRegistration(email, password));

    public static async Task<TestAccount> RegisterPro(this MyStampNode node, string? email = null, string password = DefaultPassword) =>
        await node.Register(ProRegistration(email, password));

    /// <summary>Registers with the given body; fails the test unless the answer is 201.</summary>
    public static async Task<TestAccount> Register(this MyStampNode node, JsonObject body)
    {
        using var client = node.CreateApiClient();
        using var response = await client.PostAsJsonAsync("/api/account/register", body, Json);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Registration answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        var created = await response.Content.ReadFromJsonAsync<JsonObject>(Json);
        return new TestAccount(Guid.Parse((string)created!["customerId"]!), (string)body["email"]!, (string)body["password"]!);
    }

    /// <summary>An API client signed in with the given address and password; fails the test unless sign-in answers 200.</summary>
    public static async Task<HttpClient> Login(this MyStampNode node, string email, string password)
    {
        var client = node.CreateApiClient();
        using var response = await client.PostAsJsonAsync("/api/account/login", new { email, password }, Json);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            client.Dispose();
            throw new InvalidOperationException($"Sign-in answered {(int)response.StatusCode}.");
        }
        return client;
    }

    public static Task<HttpClient> Login(this MyStampNode node, TestAccount account) => node.Login(account.Email, account.Password);

    /// <summary>An API client signed in as the admin the node seeded at start-up (role admin).</summary>
    public static Task<HttpClient> LoginAsAdmin(this MyStampNode node) => node.Login(node.AdminEmail, MyStampNode.AdminPassword);

    /// <summary>Registers a consumer and returns it with a client signed in as them.</summary>
    public static async Task<(TestAccount Account, HttpClient Client)> SignedInConsumer(this MyStampNode node)
    {
        var account = await node.RegisterConsumer();
        return (account, await node.Login(account));
    }

    /// <summary>Registers a Pro account and returns it with a client signed in as them (role pro).</summary>
    public static async Task<(TestAccount Account, HttpClient Client)> SignedInPro(this MyStampNode node)
    {
        var account = await node.RegisterPro();
        return (account, await node.Login(account));
    }
}
