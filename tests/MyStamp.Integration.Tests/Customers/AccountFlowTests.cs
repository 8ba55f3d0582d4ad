using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MyStamp.Customers.Contracts;
using MyStamp.Integration.Tests.Infrastructure;
using MyStamp.Web.Account;

namespace MyStamp.Integration.Tests.Customers;

/// <summary>Register, sign in, read and rectify the profile, sign out: what a customer does with their account.</summary>
public class AccountFlowTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private MyStampNode Node => fixture.Node;

    [Fact]
    public async Task Consumer_and_pro_accounts_keep_their_data_across_a_restart_of_the_silo()
    {
        // O1: the profile holds exactly what was registered, in normal form, and PostgreSQL keeps it.
        var clusterId = MyStampNode.NewClusterId();
        var consumerEmail = Accounts.NewEmail();
        var proEmail = Accounts.NewEmail("pro");
        ProfileResponse consumerBefore, proBefore;
        await using (var node = new MyStampNode(clusterId).Start())
        {
            var consumer = await node.RegisterConsumer(consumerEmail);
            var pro = await node.RegisterPro(proEmail);

            using var consumerClient = await node.Login(consumer);
            var changed = Profile(consumerEmail);
            changed["lastName"] = "Janssens";
            changed["address"]!["box"] = "3";
            using (var put = await consumerClient.PutAsJsonAsync("/api/account/me", changed, Accounts.Json))
            {
                Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            }
            consumerBefore = await Me(consumerClient);
            using var proClient = await node.Login(pro);
            proBefore = await Me(proClient);
        }

        await using var restarted = new MyStampNode(clusterId).Start();
        using var consumerAgain = await restarted.Login(consumerEmail, Accounts.DefaultPassword);
        using var proAgain = await restarted.Login(proEmail, Accounts.DefaultPassword);
        var consumerAfter = await Me(consumerAgain);
        var proAfter = await Me(proAgain);

        Assert.Equivalent(consumerBefore, consumerAfter, strict: true);
        Assert.Equivalent(proBefore, proAfter, strict: true);
        Assert.Equal("Janssens", consumerAfter.LastName);
        Assert.Equal("3", consumerAfter.Address.Box);
        Assert.Equal("+32470123456", consumerAfter.Phone);
        Assert.Equal(AccountType.Consumer, consumerAfter.AccountType);
        Assert.Null(consumerAfter.VatNumber);
        Assert.Equal(AccountType.Pro, proAfter.AccountType);
        Assert.Equal("BE0123456749", proAfter.VatNumber);
        Assert.Equal(1, proAfter.AcceptedPolicyVersion);
    }

    [Fact]
    public async Task The_profile_shows_every_stored_field_and_nothing_more()
    {
        // O1: first name, last name, address, e-mail, gender, birth date, phone, VAT (Pro); plus the
        // account's own facts (id, type, accepted policy version O11, registration date, objections O4, the
        // language chosen for pages and e-mails, whether the address was verified through its mailed link).
        var (account, client) = await Node.SignedInConsumer();
        using var _ = client;
        // The field names themselves are what O1 is about, so this one test reads the answer as JSON, not as a record.
        var me = await client.GetJson<JsonObject>("/api/account/me");

        var fields = me.Select(p => p.Key).Order().ToList();
        Assert.Equal(
            ["acceptedPolicyVersion", "accountType", "address", "birthDate", "customerId", "email", "emailVerified", "firstName", "gender", "language", "lastName", "objections", "phone", "registeredAt", "vatNumber"],
            fields);
        Assert.Equal(["box", "city", "country", "houseNumber", "postalCode", "street"], me["address"]!.AsObject().Select(p => p.Key).Order().ToList());
        var profile = await Me(client);
        Assert.Equal(account.CustomerId, profile.CustomerId);
        Assert.Equal(account.Email, profile.Email);
        Assert.Equal(new DateOnly(1990, 4, 23), profile.BirthDate);
    }

    [Fact]
    public async Task Sign_in_sets_the_customer_id_and_the_pro_role()
    {
        var pro = await Node.RegisterPro();
        using var client = Node.CreateApiClient();
        using var response = await client.PostAsJsonAsync("/api/account/login", new { email = pro.Email.ToUpperInvariant(), password = pro.Password }, Accounts.Json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Read<SignedInResponse>();
        Assert.Equal(pro.CustomerId, body.CustomerId);
        Assert.Equal(["pro"], body.Roles);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("mystamp.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Sign_in_answers_the_same_whether_or_not_the_address_exists()
    {
        var account = await Node.RegisterConsumer();
        using var client = Node.CreateApiClient();

        using var wrongPassword = await client.PostAsJsonAsync("/api/account/login", new { email = account.Email, password = "not the password" }, Accounts.Json);
        using var unknownAddress = await client.PostAsJsonAsync("/api/account/login", new { email = Accounts.NewEmail(), password = "not the password" }, Accounts.Json);

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownAddress.StatusCode);
        Assert.Equal((await wrongPassword.ReadProblem()).Title, (await unknownAddress.ReadProblem()).Title);
        Assert.Equal(wrongPassword.Content.Headers.ContentType?.MediaType, unknownAddress.Content.Headers.ContentType?.MediaType);
        Assert.False(wrongPassword.Headers.Contains("Set-Cookie") && wrongPassword.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("mystamp.auth=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_unknown_address_costs_as_much_time_as_a_wrong_password()
    {
        // Without a password verification for unknown addresses, they would answer in a millisecond.
        var account = await Node.RegisterConsumer();
        using var client = Node.CreateApiClient();
        var known = new List<TimeSpan>();
        var unknown = new List<TimeSpan>();
        for (var i = 0; i < 4; i++)
        {
            known.Add(await Timed(() => client.PostAsJsonAsync("/api/account/login", new { email = account.Email, password = $"wrong password {i}" }, Accounts.Json)));
            unknown.Add(await Timed(() => client.PostAsJsonAsync("/api/account/login", new { email = Accounts.NewEmail(), password = $"wrong password {i}" }, Accounts.Json)));
        }
        var knownMedian = known.Order().ElementAt(known.Count / 2);
        var unknownMedian = unknown.Order().ElementAt(unknown.Count / 2);
        Assert.True(unknownMedian >= knownMedian * 0.3, $"unknown address {unknownMedian.TotalMilliseconds} ms, wrong password {knownMedian.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task An_address_already_registered_in_any_case_is_refused_with_409()
    {
        var email = Accounts.NewEmail();
        await Node.RegisterConsumer(email);
        using var client = Node.CreateApiClient();

        using var again = await client.PostAsJsonAsync("/api/account/register", Accounts.ConsumerRegistration("  " + email.ToUpperInvariant() + " "), Accounts.Json);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.True((await again.ReadProblem()).Names("email"));
    }

    [Fact]
    public async Task Changing_the_email_address_moves_sign_in_and_frees_the_old_address()
    {
        var (account, client) = await Node.SignedInConsumer();
        using var _ = client;
        var newEmail = Accounts.NewEmail("moved");

        using (var put = await client.PutAsJsonAsync("/api/account/me", Profile(newEmail), Accounts.Json))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        using var signedInWithNew = await Node.Login(newEmail, account.Password);
        Assert.Equal(newEmail, (await Me(signedInWithNew)).Email);
        await Assert.ThrowsAsync<InvalidOperationException>(() => Node.Login(account.Email, account.Password));
        Assert.Null(await Node.Grains.GetGrain<IAccountsGrain>(0).FindCustomerByEmail(account.Email));
        Assert.Equal(account.CustomerId, await Node.Grains.GetGrain<IAccountsGrain>(0).FindCustomerByEmail(newEmail));
        // The old address is free for someone else.
        var newcomer = await Node.RegisterConsumer(account.Email);
        Assert.NotEqual(account.CustomerId, newcomer.CustomerId);
    }

    [Fact]
    public async Task Changing_to_an_address_another_account_holds_is_refused_with_409()
    {
        var other = await Node.RegisterConsumer();
        var (account, client) = await Node.SignedInConsumer();
        using var _ = client;

        using var put = await client.PutAsJsonAsync("/api/account/me", Profile(other.Email), Accounts.Json);

        Assert.Equal(HttpStatusCode.Conflict, put.StatusCode);
        Assert.Equal(account.Email, (await Me(client)).Email);
        Assert.Equal(other.CustomerId, await Node.Grains.GetGrain<IAccountsGrain>(0).FindCustomerByEmail(other.Email));
    }

    [Fact]
    public async Task Rectification_follows_the_same_rules_as_registration()
    {
        var (_, client) = await Node.SignedInConsumer();
        using var __ = client;
        var body = Profile(Accounts.NewEmail());
        body["address"]!["postalCode"] = "10000";
        body["phone"] = "12";

        using var put = await client.PutAsJsonAsync("/api/account/me", body, Accounts.Json);

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        var problem = await put.ReadProblem();
        Assert.True(problem.Names("address.postalCode"));
        Assert.True(problem.Names("phone"));
        Assert.Equal("1000", (await Me(client)).Address.PostalCode);
    }

    [Fact]
    public async Task A_consumer_who_becomes_pro_gets_the_pro_role_and_gives_a_vat_number()
    {
        var (account, client) = await Node.SignedInConsumer();
        using var _ = client;
        var body = Profile(account.Email);
        body["accountType"] = "Pro";

        using (var withoutVat = await client.PutAsJsonAsync("/api/account/me", body, Accounts.Json))
        {
            Assert.Equal(HttpStatusCode.BadRequest, withoutVat.StatusCode);
        }
        body["vatNumber"] = "0403 000 653";
        using var withVat = await client.PutAsJsonAsync("/api/account/me", body, Accounts.Json);

        Assert.Equal(HttpStatusCode.OK, withVat.StatusCode);
        Assert.Equal("BE0403000653", (await Me(client)).VatNumber);
        Assert.Contains(withVat.Headers.GetValues("Set-Cookie"), c => c.StartsWith("mystamp.auth=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_profile_needs_a_signed_in_customer_and_sign_out_ends_the_session()
    {
        using var anonymous = Node.CreateApiClient();
        using (var me = await anonymous.GetAsync("/api/account/me"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        }

        var (_, client) = await Node.SignedInConsumer();
        using var __ = client;
        using (var logout = await client.PostAsync("/api/account/logout", null))
        {
            Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        }
        using var after = await client.GetAsync("/api/account/me");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task The_seeded_admin_signs_in_with_the_admin_role()
    {
        using var client = Node.CreateApiClient();
        using var response = await client.PostAsJsonAsync("/api/account/login", new { email = Node.AdminEmail, password = MyStampNode.AdminPassword }, Accounts.Json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["admin"], (await response.Read<SignedInResponse>()).Roles);
        // An admin is staff, not a customer: no customer profile, and the address cannot be registered.
        using var admin = await Node.LoginAsAdmin();
        using (var me = await admin.GetAsync("/api/account/me"))
        {
            Assert.Equal(HttpStatusCode.NotFound, me.StatusCode);
        }
        using var register = await client.PostAsJsonAsync("/api/account/register", Accounts.ConsumerRegistration(Node.AdminEmail), Accounts.Json);
        Assert.Equal(HttpStatusCode.Conflict, register.StatusCode);
    }

    [Fact]
    public async Task An_objection_shows_in_the_profile_per_channel_with_its_source()
    {
        // O4: the customer grain holds the objection per channel; the privacy module records them.
        var (account, client) = await Node.SignedInConsumer();
        using var _ = client;
        await Node.Grains.GetGrain<ICustomerGrain>(account.CustomerId).ObjectTo([AdvertisingChannel.Post, AdvertisingChannel.Email], ObjectionSource.SignedPostalRequest);
        await Node.Grains.GetGrain<ICustomerGrain>(account.CustomerId).ObjectTo([AdvertisingChannel.Email, AdvertisingChannel.Phone], ObjectionSource.Online);

        var objections = (await Me(client)).Objections;

        Assert.Equal(["Email:SignedPostalRequest", "Phone:Online", "Post:SignedPostalRequest"],
            objections.Select(o => $"{o.Channel}:{o.Source}").Order().ToArray());
        Assert.Equal(3, (await Node.Grains.GetGrain<ICustomerGrain>(account.CustomerId).GetObjections()).Count);
    }

    /// <summary>The registration fields minus the password: a PUT body.</summary>
    private static JsonObject Profile(string email)
    {
        var body = Accounts.ConsumerRegistration(email);
        body.Remove("password");
        return body;
    }

    private static async Task<ProfileResponse> Me(HttpClient client)
    {
        using var response = await client.GetAsync("/api/account/me");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Read<ProfileResponse>();
    }

    private static async Task<TimeSpan> Timed(Func<Task<HttpResponseMessage>> call)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var response = await call();
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        return System.Diagnostics.Stopwatch.GetElapsedTime(started);
    }
}
