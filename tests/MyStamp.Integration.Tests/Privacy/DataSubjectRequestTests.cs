using System.Net;
using System.Net.Http.Json;
using MyStamp.Integration.Tests.Infrastructure;
using MyStamp.Privacy.Contracts;
using MyStamp.Web.Privacy;
using Npgsql;
using static MyStamp.Integration.Tests.Privacy.PrivacyWorld;

namespace MyStamp.Integration.Tests.Privacy;

/// <summary>Requests move through their lifecycle, decided by admins, with an audit trail nobody can edit (O8–O10).</summary>
public class DataSubjectRequestTests(NodeFixture privacy) : IClassFixture<NodeFixture>
{
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
        var body = await submitted.Read<SubmittedRequest>();
        var requestId = body.RequestId;
        Assert.True(body.DueBy > DateOnly.FromDateTime(DateTime.UtcNow.AddDays(27)));
        Assert.Equal(RequestStatus.IdentityCheck, await Status(admin, requestId));

        await Decide(admin, requestId, new { decision = "AskMoreProof", reason = "Send the front of the card, not the back." }, HttpStatusCode.OK);
        Assert.Equal(RequestStatus.MoreProofRequested, await Status(admin, requestId));
        await Decide(admin, requestId, new { decision = "Fulfil" }, HttpStatusCode.Conflict);

        await Decide(admin, requestId, new { decision = "Verify", customerId = customer.Id }, HttpStatusCode.OK);
        Assert.Equal(RequestStatus.InProgress, await Status(admin, requestId));

        var fulfilled = (await Decide(admin, requestId, new { decision = "Fulfil" }, HttpStatusCode.OK))!;
        Assert.Equal(RequestStatus.Fulfilled, fulfilled.Status);
        Assert.Equal([RequestStatus.Received, RequestStatus.IdentityCheck, RequestStatus.MoreProofRequested, RequestStatus.InProgress, RequestStatus.Fulfilled],
            fulfilled.History.Select(step => step.Status));
        // Once linked, the customer sees the request and its answer under My privacy.
        var mine = await customer.Client.GetJson<RequestQueueEntry[]>("/api/privacy/requests");
        Assert.Contains(mine, request => request.RequestId == requestId);
        var pdf = await customer.Client.GetAsync("/api/privacy/access-report.pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        // The admin opened the linked request: the access report says so.
        var report = await customer.Client.GetJson<AccessReport>("/api/privacy/access-report");
        Assert.Contains(report.AdminAccesses, access => access.What == "Opened their data-subject request");
    }

    [Fact]
    public async Task A_rejection_without_a_reason_is_refused_and_one_with_a_ground_and_reason_tells_of_the_right_to_complain()
    {
        // O10
        using var admin = await privacy.Node.LoginAsAdmin();
        var requestId = await SubmitAnonymous(privacy.Node, "Erasure");

        var refused = await admin.PostAsJsonAsync($"/api/admin/privacy/requests/{requestId}/decision", new { decision = "Reject", ground = "Excessive" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.ReadProblem()).Names("reason"));
        var noGround = await admin.PostAsJsonAsync($"/api/admin/privacy/requests/{requestId}/decision", new { decision = "Reject", reason = "Asked twice this week." });
        Assert.Equal(HttpStatusCode.BadRequest, noGround.StatusCode);
        Assert.Equal(RequestStatus.IdentityCheck, await Status(admin, requestId));

        var rejected = (await Decide(admin, requestId, new { decision = "Reject", ground = "Excessive", reason = "The same request was answered last week." }, HttpStatusCode.OK))!;

        Assert.Equal(RequestStatus.Rejected, rejected.Status);
        Assert.Equal(RejectionGround.Excessive, rejected.RejectionGround);
        var answer = rejected.Messages[^1].Body;
        Assert.Contains("The same request was answered last week.", answer, StringComparison.Ordinal);
        Assert.Contains("Data Protection Authority", answer, StringComparison.Ordinal);
        await Decide(admin, requestId, new { decision = "Verify" }, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Every_step_is_in_an_audit_trail_that_cannot_be_changed()
    {
        // O10
        using var admin = await privacy.Node.LoginAsAdmin();
        var requestId = await SubmitAnonymous(privacy.Node, "Restriction");
        await Decide(admin, requestId, new { decision = "Extend", reason = "Several systems must be checked." }, HttpStatusCode.OK);

        var trail = (await Open(admin, requestId)).AuditTrail;
        // The requester has no account: each admin look (the decision's answer, this page) is in the request's own trail.
        Assert.Equal(["Received", "Identity document stored", "Identity check started", "Deadline extended by two months", "Looked at by an admin", "Looked at by an admin"],
            trail.Select(entry => entry.Action));
        Assert.All(trail.TakeLast(3), entry => Assert.Equal($"admin:{admin.AccountId}", entry.Actor));

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
        var body = await submitted.Read<SubmittedRequest>();
        Assert.Equal(RequestStatus.InProgress, body.Status);
        var requestId = body.RequestId;
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
        Assert.True((await response.ReadProblem()).Names("idDocument"));
    }

    [Fact]
    public async Task The_admin_queue_is_for_admins_only()
    {
        var customer = await PrivacyTestUsers.RegisterCustomer(privacy.Node, "Emma");
        using var anonymous = privacy.Node.CreateApiClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/admin/privacy/requests")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.Client.GetAsync("/api/admin/privacy/requests")).StatusCode);
    }
}
