using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using MyStamp.Web.Account;

namespace MyStamp.Integration.Tests.Infrastructure;

/// <summary>A registered test account: its id and how to sign in.</summary>
public sealed record TestAccount(Guid CustomerId, string Email, string Password);

/// <summary>
/// Accounts for tests of every area, only through the real API: register consumers and Pro accounts, sign in
/// (a <see cref="TestClient"/> holding the sign-in cookie and the API's X-Requested-With header), sign in
/// as the admin the node seeded. No test mints cookies of its own.
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
    public static TestClient CreateApiClient(this MyStampNode node) => new(node, api: true);

    /// <summary>A client as a browser loading pages and posting their forms: keeps cookies, never follows redirects, no X-Requested-With.</summary>
    public static TestClient CreatePageClient(this MyStampNode node) => new(node, api: false);

    public static async Task<TestAccount> RegisterConsumer(this MyStampNode node, string? email = null, string password = DefaultPassword) =>
        await node.Register(ConsumerRegistration(email, password));

    public static async Task<TestAccount> RegisterPro(this MyStampNode node, string? email = null, string password = DefaultPassword) =>
        await node.Register(ProRegistration(email, password));

    /// <summary>
    /// Registers with the given body and verifies the address as a customer does: from the link in the verification
    /// mail that smtp4dev received (see <see cref="MailInbox"/>), so that the account may order. Fails the test unless
    /// registration answers 201 and the link verifies. <see cref="RegisterUnverified"/> stops before the mail.
    /// </summary>
    /// <param name="acceptLanguage">The language the registering browser asks for, which the account keeps (English unless given).</param>
    public static async Task<TestAccount> Register(this MyStampNode node, JsonObject body, string? acceptLanguage = null)
    {
        // An address registered before (then given up) already has mails: follow the one this registration sends.
        var earlier = (await MailInbox.To((string)body["email"]!)).Count(MailInbox.IsVerification);
        var account = await node.RegisterUnverified(body, acceptLanguage);
        await node.FollowVerificationLink(account.Email, earlier + 1);
        return account;
    }

    /// <summary>
    /// Follows the newest verification link mailed to <paramref name="email"/> (through the API the page also uses), once
    /// <paramref name="mailCount"/> of them have arrived; fails unless it verifies.
    /// </summary>
    public static async Task FollowVerificationLink(this MyStampNode node, string email, int mailCount = 1)
    {
        var mail = await MailInbox.VerificationMail(email, mailCount);
        using var client = node.CreateApiClient();
        using var verified = await client.PostAsJsonAsync("/api/account/verify-email", new { token = mail.Token("/Account/VerifyEmail") }, Json);
        if (verified.StatusCode != HttpStatusCode.NoContent)
        {
            throw new InvalidOperationException($"The verification link answered {(int)verified.StatusCode}: {await verified.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Registers with the given body and leaves the address unverified (it may sign in, not order); fails the test unless the answer is 201.</summary>
    public static async Task<TestAccount> RegisterUnverified(this MyStampNode node, JsonObject body, string? acceptLanguage = null)
    {
        using var client = node.CreateApiClient();
        if (acceptLanguage is not null)
        {
            client.AskingFor(acceptLanguage);
        }
        using var response = await client.PostAsJsonAsync("/api/account/register", body, Json);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Registration answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        var created = await response.Read<RegisteredResponse>();
        return new TestAccount(created.CustomerId, (string)body["email"]!, (string)body["password"]!);
    }

    /// <summary>
    /// Signs the client in through <c>POST /api/account/login</c>, as the sign-in page's script does; the client keeps
    /// the cookie and learns its account id. Throws <see cref="InvalidOperationException"/> unless sign-in answers 200.
    /// </summary>
    public static async Task<TestClient> SignIn(this TestClient client, string email, string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/account/login") { Content = JsonContent.Create(new { email, password }, options: Json) };
        // The login endpoint is an API call, also for a page client.
        request.Headers.Add("X-Requested-With", "XMLHttpRequest");
        using var response = await client.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Sign-in answered {(int)response.StatusCode}.");
        }
        client.AccountId = (await response.Read<SignedInResponse>()).CustomerId;
        return client;
    }

    /// <summary>
    /// A client signed in with the given address and password: an API client, or with <paramref name="api"/> false
    /// one that loads pages like a browser. Throws <see cref="InvalidOperationException"/> unless sign-in answers 200.
    /// </summary>
    public static async Task<TestClient> Login(this MyStampNode node, string email, string password, bool api = true)
    {
        var client = new TestClient(node, api);
        try
        {
            return await client.SignIn(email, password);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public static Task<TestClient> Login(this MyStampNode node, TestAccount account, bool api = true) => node.Login(account.Email, account.Password, api);

    /// <summary>A client signed in as the admin the node seeded at start-up (role admin).</summary>
    public static Task<TestClient> LoginAsAdmin(this MyStampNode node, bool api = true) => node.Login(node.AdminEmail, MyStampNode.AdminPassword, api);

    /// <summary>Registers a consumer and returns it with a client signed in as them.</summary>
    public static async Task<(TestAccount Account, TestClient Client)> SignedInConsumer(this MyStampNode node)
    {
        var account = await node.RegisterConsumer();
        return (account, await node.Login(account));
    }

    /// <summary>Registers a Pro account and returns it with a client signed in as them (role pro).</summary>
    public static async Task<(TestAccount Account, TestClient Client)> SignedInPro(this MyStampNode node)
    {
        var account = await node.RegisterPro();
        return (account, await node.Login(account));
    }

    /// <summary>A client signed in as a consumer registered for it (its <see cref="TestClient.AccountId"/> is the customer id).</summary>
    public static async Task<TestClient> NewCustomer(this MyStampNode node, bool api = true) => await node.Login(await node.RegisterConsumer(), api);

    /// <summary>A client signed in as a Pro account registered for it.</summary>
    public static async Task<TestClient> NewProCustomer(this MyStampNode node, bool api = true) => await node.Login(await node.RegisterPro(), api);
}
