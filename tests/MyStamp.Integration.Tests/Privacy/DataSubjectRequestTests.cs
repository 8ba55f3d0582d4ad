using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MyStamp.Integration.Tests.Infrastructure;
using Npgsql;

namespace MyStamp.Integration.Tests.Privacy;

/// <summary>Requests move through their lifecycle, decided by admins, with an audit trail nobody can edit (O8–O10).</summary>
public class DataSubjectRequestTests(NodeFixture privacy) : IClassFixture<NodeFixture>
{
    private const string Redactions = """[{"x":20,"y":40,"width":110,"height":140},{"x":160,"y":200,"width":200,"height":24}]""";

    [Fact]
    public async Task A_request_moves_from_receipt_through_more_proof_and_verification_to_fulfilled()
    {
        // O8, O9, O10
        var customer = await PrivacyTestUsers.RegisterCustomer(privacy.Node, "Sofie");
        using var admin = await privacy.Node.LoginAsAdmin();
        using var anonymous = privacy.Node.CreateApiClient();

        var submitted = await anonymous.PostAsync("/api/privacy/requests",
            PrivacyTestFiles.RequestForm("Access", "Sofie", "Peeters", customer.Email, PrivacyTestFiles.IdentityCardJpeg(), Redactions));
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var body = await submitted.Content.ReadFromJsonAsync<JsonElement>();
        var requestId = body.GetProperty("requestId").GetGuid();
        Assert.True(DateOnly.Parse(body.GetProperty("dueBy").GetString()!) > DateOnly.FromDateTime(DateTime.UtcNow.AddDays(27)));
        Assert.Equal("IdentityCheck", await Status(admin, requestId));

        await Decide(admin, requestId, new { decision = "AskMoreProof", reason = "Send the front of the card, not the back." }, HttpStatusCode.OK);
        Assert.Equal("MoreProofRequested", await Status(admin, requestId));
        await Decide(admin, requestId, new { decision = "Fulfil" }, HttpStatusCode.Conflict);

        await Decide(admin, requestId, new { decision = "Verify", customerId = customer.Id }, HttpStatusCode.OK);
        Assert.Equal("InProgress", await Status(admin, requestId));

        var fulfilled = await Decide(admin, requestId, new { decision = "Fulfil" }, HttpStatusCode.OK);
        Assert.Equal("Fulfilled", fulfilled.GetProperty("status").GetString());
        Assert.Equal(["Received", "IdentityCheck", "MoreProofRequested", "InProgress", "Fulfilled"],
            fulfilled.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("status").GetString()));
        // Once linked, the customer sees the request and its answer under My privacy.
        var mine = await customer.Client.GetFromJsonAsync<JsonElement>("/api/privacy/requests");
        Assert.Contains(mine.EnumerateArray(), r => r.GetProperty("requestId").GetGuid() == requestId);
        var pdf = await customer.Client.GetAsync("/api/privacy/access-report.pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        // The admin opened the linked request: the access report says so.
        var report = await customer.Client.GetFromJsonAsync<JsonElement>("/api/privacy/access-report");
        Assert.Contains(report.GetProperty("adminAccesses").EnumerateArray(), a => a.GetProperty("what").GetString() == "Opened their data-subject request");
    }

    [Fact]
    public async Task A_rejection_without_a_reason_is_refused_and_one_with_a_ground_and_reason_tells_of_the_right_to_complain()
    {
        // O10
        using var admin = await privacy.Node.LoginAsAdmin();
        var requestId = await SubmitAnonymous("Erasure");

        var refused = await admin.PostAsJsonAsync($"/api/admin/privacy/requests/{requestId}/decision", new { decision = "Reject", ground = "Excessive" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _));
        var noGround = await admin.PostAsJsonAsync($"/api/admin/privacy/requests/{requestId}/decision", new { decision = "Reject", reason = "Asked twice this week." });
        Assert.Equal(HttpStatusCode.BadRequest, noGround.StatusCode);
        Assert.Equal("IdentityCheck", await Status(admin, requestId));

        var rejected = await Decide(admin, requestId, new { decision = "Reject", ground = "Excessive", reason = "The same request was answered last week." }, HttpStatusCode.OK);

        Assert.Equal("Rejected", rejected.GetProperty("status").GetString());
        Assert.Equal("Excessive", rejected.GetProperty("rejectionGround").GetString());
        var answer = rejected.GetProperty("messages").EnumerateArray().Last().GetProperty("body").GetString();
        Assert.Contains("The same request was answered last week.", answer, StringComparison.Ordinal);
        Assert.Contains("Data Protection Authority", answer, StringComparison.Ordinal);
        await Decide(admin, requestId, new { decision = "Verify" }, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Every_step_is_in_an_audit_trail_that_cannot_be_changed()
    {
        // O10
        using var admin = await privacy.Node.LoginAsAdmin();
        var requestId = await SubmitAnonymous("Restriction");
        await Decide(admin, requestId, new { decision = "Extend", reason = "Several systems must be checked." }, HttpStatusCode.OK);

        var detail = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/privacy/requests/{requestId}");
        var trail = detail.GetProperty("auditTrail").EnumerateArray().ToList();
        // The requester has no account: each admin look (the decision's answer, this page) is in the request's own trail.
        Assert.Equal(["Received", "Identity document stored", "Identity check started", "Deadline extended by two months", "Looked at by an admin", "Looked at by an admin"],
            trail.Select(e => e.GetProperty("action").GetString()));
        Assert.All(trail[^3..], entry => Assert.Equal($"admin:{admin.AccountId}", entry.GetProperty("actor").GetString()));

        await using var dataSource = TestDatabase.CreateDataSource();
        await using var update = dataSource.CreateCommand("UPDATE privacy_request_audit SET detail = 'changed' WHERE request_id = @id");
        update.Parameters.AddWithValue("id", requestId);
        await Assert.ThrowsAsync<PostgresException>(() => update.ExecuteNonQueryAsync());
        await using var delete = dataSource.CreateCommand("DELETE FROM privacy_request_audit WHERE request_id = @id");
        delete.Parameters.AddWithValue("id", requestId);
        await Assert.ThrowsAsync<PostgresException>(() => delete.ExecuteNonQueryAsync());
        Assert.Equal(6L, await TestDatabase.Scalar<long>("SELECT count(*) FROM privacy_request_audit WHERE request_id = @id", ("id", requestId)));
    }

    [Fact]
    public async Task A_signed_in_customer_asking_about_their_own_account_needs_no_document()
    {
        // O9
        var customer = await PrivacyTestUsers.RegisterCustomer(privacy.Node, "Wout");

        var submitted = await customer.Client.PostAsync("/api/privacy/requests",
            PrivacyTestFiles.RequestForm("Portability", "Wout", "Claes", customer.Email, document: null, redactionsJson: null));

        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var body = await submitted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("InProgress", body.GetProperty("status").GetString());
        var requestId = body.GetProperty("requestId").GetGuid();
        Assert.Equal(0L, await TestDatabase.Scalar<long>("SELECT count(*) FROM privacy_identity_documents WHERE request_id = @id", ("id", requestId)));
    }

    [Fact]
    public async Task A_visitor_without_an_identity_document_is_asked_for_one()
    {
        // O9
        using var anonymous = privacy.Node.CreateApiClient();

        var response = await anonymous.PostAsync("/api/privacy/requests",
            PrivacyTestFiles.RequestForm("Access", "Jan", "Peeters", "jan@example.be", document: null, redactionsJson: null));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("idDocument", out _));
    }

    [Fact]
    public async Task The_admin_queue_is_for_admins_only()
    {
        var customer = await PrivacyTestUsers.RegisterCustomer(privacy.Node, "Emma");
        using var anonymous = privacy.Node.CreateApiClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/admin/privacy/requests")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.Client.GetAsync("/api/admin/privacy/requests")).StatusCode);
    }

    private async Task<Guid> SubmitAnonymous(string type)
    {
        using var anonymous = privacy.Node.CreateApiClient();
        var response = await anonymous.PostAsync("/api/privacy/requests",
            PrivacyTestFiles.RequestForm(type, "Jan", "Peeters", $"jan.{Guid.NewGuid():N}@example.be", PrivacyTestFiles.IdentityCardJpeg(), Redactions));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("requestId").GetGuid();
    }

    internal static async Task<JsonElement> Decide(HttpClient admin, Guid requestId, object decision, HttpStatusCode expected)
    {
        var response = await admin.PostAsJsonAsync($"/api/admin/privacy/requests/{requestId}/decision", decision);
        Assert.True(expected == response.StatusCode, $"Expected {expected}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    internal static async Task<string?> Status(HttpClient admin, Guid requestId) =>
        (await admin.GetFromJsonAsync<JsonElement>($"/api/admin/privacy/requests/{requestId}")).GetProperty("request").GetProperty("status").GetString();
}
