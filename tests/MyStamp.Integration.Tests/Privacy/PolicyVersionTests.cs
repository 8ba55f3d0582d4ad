using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MyStamp.Integration.Tests.Infrastructure;

namespace MyStamp.Integration.Tests.Privacy;

/// <summary>
/// Publishing a new policy version (O11, O12): it takes effect at once, the old one stays readable, signed-in
/// customers are told until they have read it, and new accounts accept the version they were shown. A database
/// of its own: a published version is the current one for every node of a database.
/// </summary>
public sealed class PolicyVersionTests : IAsyncLifetime
{
    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");
    private MyStampNode _node = null!;

    public async Task InitializeAsync() => _node = await MyStampNode.StartAlone("policy");

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task A_published_version_takes_effect_at_once_and_every_signed_in_customer_is_asked_to_read_it()
    {
        // O11, O12
        var existing = await _node.RegisterConsumer();
        using var existingPages = await _node.Login(existing, api: false);
        Assert.DoesNotContain("policy-notice", await existingPages.GetStringAsync("/"));
        using var admin = await _node.LoginAsAdmin();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Brussels).DateTime);

        var backDated = await admin.PostAsJsonAsync("/api/admin/privacy/policy", new { revisedOn = new DateOnly(2023, 7, 16), language = "nl", text = "Te vroeg." });
        var future = await admin.PostAsJsonAsync("/api/admin/privacy/policy", new { revisedOn = today.AddDays(2), language = "nl", text = "Te laat." });
        await AssertFieldError(backDated, "revisedOn");
        await AssertFieldError(future, "revisedOn");
        var published = await admin.PostAsJsonAsync("/api/admin/privacy/policy", new { revisedOn = today, language = "nl", text = "Nieuwe privacyverklaring." });
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);

        using var anyone = _node.CreateApiClient();
        var current = await anyone.GetFromJsonAsync<JsonObject>("/api/privacy/policy");
        Assert.Equal(2, (int)current!["version"]!);
        Assert.Equal(today.ToString("yyyy-MM-dd"), (string?)current["revisedOn"]);
        Assert.Equal([2, 1], (await anyone.GetFromJsonAsync<JsonArray>("/api/privacy/policy/versions"))!.Select(v => (int)v!["version"]!));
        Assert.Equal(HttpStatusCode.OK, (await anyone.GetAsync("/Privacy/Versions/1")).StatusCode);

        // The customer who accepted version 1 is told on every page until they say they have read version 2.
        var page = await existingPages.GetStringAsync("/");
        Assert.Contains("policy-notice", page);
        Assert.Contains("(version 2)", page);
        using var existingApi = await _node.Login(existing);
        Assert.Equal(HttpStatusCode.NoContent, (await existingApi.PostAsJsonAsync("/api/privacy/policy/acknowledge", new { version = 2 })).StatusCode);
        Assert.DoesNotContain("policy-notice", await existingPages.GetStringAsync("/Account/Profile"));
    }

    [Fact]
    public async Task A_new_account_accepts_a_published_version_and_the_form_shows_the_current_one()
    {
        // O11
        using var admin = await _node.LoginAsAdmin();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Brussels).DateTime);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/admin/privacy/policy", new { revisedOn = today, language = "nl", text = "Versie 2." })).StatusCode);

        using var visitor = _node.CreatePageClient();
        var form = await visitor.GetStringAsync("/Account/Register");
        Assert.Contains("privacy policy (version 2)", form);
        Assert.Contains("href=\"/Privacy/Versions/2\"", form);

        // A version nobody published cannot be accepted.
        using var api = _node.CreateApiClient();
        var unpublished = Accounts.ConsumerRegistration();
        unpublished["acceptedPolicyVersion"] = 3;
        await AssertFieldError(await api.PostAsJsonAsync("/api/account/register", unpublished, Accounts.Json), "acceptedPolicyVersion");

        // Version 2 is recorded, and its reader is not asked to read it again.
        var onCurrent = Accounts.ConsumerRegistration();
        onCurrent["acceptedPolicyVersion"] = 2;
        var current = await _node.Register(onCurrent);
        using var currentPages = await _node.Login(current, api: false);
        Assert.DoesNotContain("policy-notice", await currentPages.GetStringAsync("/"));
        using var currentApi = await _node.Login(current);
        Assert.Equal(2, (int)(await currentApi.GetFromJsonAsync<JsonObject>("/api/account/me"))!["acceptedPolicyVersion"]!);

        // Someone who read version 1 before version 2 came out may still accept it, and is then told of version 2.
        var onOlder = await _node.RegisterConsumer();
        using var olderPages = await _node.Login(onOlder, api: false);
        Assert.Contains("policy-notice", await olderPages.GetStringAsync("/"));
    }

    private static async Task AssertFieldError(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        Assert.True(JsonNode.Parse(body)!["errors"]?.AsObject().ContainsKey(field) == true, body);
    }
}
