using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MyStamp.Integration.Tests.Privacy;

namespace MyStamp.Integration.Tests.Mail;

/// <summary>Every answer to a data-subject request reaches the requester's e-mail, also when they have no account (O8, O10).</summary>
public class DataSubjectRequestMailTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private const string Redactions = """[{"x":20,"y":40,"width":110,"height":140}]""";

    [Fact]
    public async Task A_requester_without_an_account_receives_the_receipt_and_the_answer_by_mail()
    {
        var email = $"requester-{Guid.NewGuid():N}@example.be";
        using var anonymous = fixture.Node.CreateApiClient();
        using var submitted = await anonymous.PostAsync("/api/privacy/requests",
            PrivacyTestFiles.RequestForm("Access", "Lieve", "Maes", email, PrivacyTestFiles.IdentityCardJpeg(), Redactions));
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var requestId = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("requestId").GetGuid();
        var reference = requestId.ToString("N")[..8].ToUpperInvariant();

        var receipt = await MailInbox.WaitFor(email);
        Assert.Contains(reference, receipt.Subject);
        Assert.Contains("Lieve", receipt.Body);

        using var admin = await fixture.Node.LoginAsAdmin();
        await PrivacyWorld.Decide(admin, requestId, new { decision = "Verify" }, HttpStatusCode.OK);
        await PrivacyWorld.Decide(admin, requestId, new { decision = "Reject", ground = "NoDataHeld", reason = "Geen account op dit adres." }, HttpStatusCode.OK);

        var answer = await MailInbox.WaitFor(email, count: 2);
        Assert.Contains(reference, answer.Subject);
        Assert.Contains("Geen account op dit adres.", answer.Body);
        Assert.Contains("Gegevensbeschermingsautoriteit", answer.Body);
    }
}
