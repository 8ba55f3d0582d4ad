using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MyStamp.Privacy.Contracts;

namespace MyStamp.Integration.Tests.Privacy;

/// <summary>An objection takes effect at once and no export of any channel contains the objector (O4, O5).</summary>
public class ObjectionAndAudienceTests(NodeFixture privacy) : IClassFixture<NodeFixture>
{
    private static readonly string[] Channels = ["Post", "Email", "Phone", "AdPlatforms", "Onsite"];

    [Fact]
    public async Task An_objection_to_all_removes_the_customer_from_every_channels_export_at_once()
    {
        // O4
        var objector = await Enrolled("Hanne");
        var other = await Enrolled("Pieter");
        using var admin = await privacy.Node.LoginAsAdmin();
        foreach (var channel in Channels)
        {
            Assert.Contains(objector.Id.ToString(), await Export(admin, channel), StringComparison.Ordinal);
        }

        var objected = await objector.Client.PostAsJsonAsync("/api/privacy/objections", new { channel = "All" });

        Assert.Equal(HttpStatusCode.OK, objected.StatusCode);
        foreach (var channel in Channels)
        {
            var csv = await Export(admin, channel);
            Assert.DoesNotContain(objector.Id.ToString(), csv, StringComparison.Ordinal);
            Assert.DoesNotContain(objector.Email, csv, StringComparison.OrdinalIgnoreCase);
            Assert.Contains(other.Id.ToString(), csv, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_objection_to_one_channel_leaves_the_other_channels_and_surveys_alone()
    {
        // O4
        var customer = await Enrolled("Ruben");
        using var admin = await privacy.Node.LoginAsAdmin();

        var objected = await customer.Client.PostAsJsonAsync("/api/privacy/objections", new { channel = "Email" });

        Assert.Equal(HttpStatusCode.OK, objected.StatusCode);
        Assert.DoesNotContain(customer.Id.ToString(), await Export(admin, "Email"), StringComparison.Ordinal);
        Assert.Contains(customer.Id.ToString(), await Export(admin, "Post"), StringComparison.Ordinal);
        Assert.Contains(customer.Id.ToString(), await Export(admin, "Surveys"), StringComparison.Ordinal);

        await customer.Client.PostAsJsonAsync("/api/privacy/objections", new { channel = "Surveys" });
        Assert.DoesNotContain(customer.Id.ToString(), await Export(admin, "Surveys"), StringComparison.Ordinal);
        Assert.Contains(customer.Id.ToString(), await Export(admin, "Post"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_postal_objection_recorded_by_an_admin_takes_effect_at_once()
    {
        // O4
        var customer = await Enrolled("Mira");
        using var admin = await privacy.Node.LoginAsAdmin();

        var recorded = await admin.PostAsJsonAsync("/api/admin/privacy/objections", new { customerId = customer.Id, channel = "Post" });

        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        Assert.DoesNotContain(customer.Id.ToString(), await Export(admin, "Post"), StringComparison.Ordinal);
        var objections = await customer.Client.GetFromJsonAsync<JsonElement>("/api/privacy/objections");
        Assert.Equal(["Post"], objections.GetProperty("advertising").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task Every_recipient_gets_the_same_campaign_content()
    {
        // O5
        await Enrolled("Noor");
        await Enrolled("Jules");
        using var admin = await privacy.Node.LoginAsAdmin();

        var lines = (await Export(admin, "Email")).TrimEnd().Split('\n').Skip(1).ToList();

        Assert.True(lines.Count >= 2);
        Assert.All(lines, line => Assert.EndsWith(",New spring stamps,Order your own sheet today.", line.TrimEnd('\r'), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_fulfilled_restriction_request_stops_all_marketing_to_the_customer()
    {
        // O8: restriction freezes processing, so no advertising and no survey invitations.
        var customer = await Enrolled("Ilse");
        using var admin = await privacy.Node.LoginAsAdmin();
        var submitted = await customer.Client.PostAsync("/api/privacy/requests",
            PrivacyTestFiles.RequestForm("Restriction", "Ilse", "Claes", customer.Email, document: null, redactionsJson: null));
        var requestId = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("requestId").GetGuid();
        Assert.Contains(customer.Id.ToString(), await Export(admin, "Post"), StringComparison.Ordinal);

        await PrivacyWorld.Decide(admin, requestId, new { decision = "Fulfil" }, HttpStatusCode.OK);

        foreach (var channel in Channels.Append("Surveys"))
        {
            Assert.DoesNotContain(customer.Id.ToString(), await Export(admin, channel), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Only_admins_export_an_audience()
    {
        var customer = await Enrolled("Lars");

        var response = await customer.Client.PostAsJsonAsync("/api/admin/privacy/audience-exports", new { channel = "Email", subject = "x", message = "y" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<TestCustomer> Enrolled(string firstName)
    {
        var customer = await PrivacyTestUsers.RegisterCustomer(privacy.Node, firstName);
        // Registration enrols the customer in the audience; enrolling again changes nothing.
        await privacy.Node.Grains.GetGrain<IAdvertisingAudienceGrain>(0).Enrol(customer.Id);
        return customer;
    }

    private static async Task<string> Export(HttpClient admin, string channel)
    {
        var response = await admin.PostAsJsonAsync("/api/admin/privacy/audience-exports", new { channel, subject = "New spring stamps", message = "Order your own sheet today." });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }
}
