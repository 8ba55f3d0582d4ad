using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using MyStamp.Integration.Tests.Infrastructure;
using MyStamp.Privacy.Contracts;
using static MyStamp.Integration.Tests.Privacy.PrivacyWorld;

namespace MyStamp.Integration.Tests.Privacy;

/// <summary>The privacy side of the shop speaks the reader's language: its pages, its problems, its letters and its files.</summary>
public class PrivacyLanguageTests(NodeFixture privacy) : IClassFixture<NodeFixture>
{
    [Fact]
    public async Task A_French_reader_gets_the_request_form_and_its_errors_in_French()
    {
        using var visitor = privacy.Node.CreateApiClient();
        visitor.DefaultRequestHeaders.AcceptLanguage.Clear();
        visitor.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-BE");

        var page = await visitor.GetStringAsync("/Privacy/Request");
        // Without an e-mail address and without an identity document: what the form's script shows comes from here.
        using var refused = await visitor.PostAsync("/api/privacy/requests", PrivacyTestFiles.RequestForm("Access", "Zoé", "Lambert", "", null, null));

        Assert.Contains("<html lang=\"fr\"", page, StringComparison.Ordinal);
        Assert.Contains("Exercer vos droits en matière de vie privée", page, StringComparison.Ordinal);
        Assert.Contains("Accès : quelles données détenez-vous à mon sujet ?", page, StringComparison.Ordinal);
        Assert.DoesNotContain("What do you ask?", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.ReadProblem();
        Assert.Contains("Joignez une copie du recto de votre carte d'identité", Assert.Single(problem.Errors!["idDocument"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_privacy_problem_reads_in_Dutch_for_a_Dutch_reader_and_stays_English_otherwise()
    {
        using var dutch = privacy.Node.CreateApiClient();
        dutch.DefaultRequestHeaders.AcceptLanguage.Clear();
        dutch.DefaultRequestHeaders.AcceptLanguage.ParseAdd("nl-BE");
        using var english = privacy.Node.CreateApiClient();

        using var inDutch = await dutch.PostAsJsonAsync("/api/privacy/requests", new { type = "Access" });
        using var inEnglish = await english.PostAsJsonAsync("/api/privacy/requests", new { type = "Access" });

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, inDutch.StatusCode);
        Assert.Equal("Stuur het verzoek als multipart/form-data.", (await inDutch.ReadProblem()).Title);
        Assert.Equal("Send the request as multipart/form-data.", (await inEnglish.ReadProblem()).Title);
    }

    [Fact]
    public async Task A_postal_request_is_answered_in_the_language_the_admin_chose_for_the_requester()
    {
        using var admin = await privacy.Node.LoginAsAdmin();
        var email = $"courrier-{Guid.NewGuid():N}@example.be";

        using var recorded = await admin.PostAsJsonAsync("/api/admin/privacy/requests", new
        {
            type = "Access",
            firstName = "Camille",
            lastName = "Dubois",
            email,
            receivedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2)),
            language = "fr",
        });
        Assert.True(recorded.StatusCode == HttpStatusCode.Created, await recorded.Content.ReadAsStringAsync());
        var requestId = (await recorded.Read<MyStamp.Web.Privacy.SubmittedRequest>()).RequestId;

        var receipt = await MailInbox.WaitFor(email);
        Assert.StartsWith("Nous avons reçu votre demande d", receipt.Subject, StringComparison.Ordinal);
        Assert.Contains("Camille", receipt.Body, StringComparison.Ordinal);
        // The letter the admin page keeps (to post by hand when there is no address to mail) is the same French text.
        var request = (await Open(admin, requestId)).Request;
        Assert.Equal("fr", request.Language);
        Assert.Equal(receipt.Subject, request.Messages[0].Subject);

        await Decide(admin, requestId, new { decision = "Reject", ground = "NoDataHeld", reason = "Aucun compte à ce nom." }, HttpStatusCode.OK);
        var refusal = await MailInbox.WaitFor(email, mail => mail.Subject != receipt.Subject);
        Assert.StartsWith("Votre demande", refusal.Subject, StringComparison.Ordinal);
        Assert.Contains("Aucun compte à ce nom.", refusal.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_choice_a_postal_request_takes_the_admins_own_language()
    {
        using var admin = (await privacy.Node.LoginAsAdmin()).AskingFor("de-BE");
        var email = $"brief-{Guid.NewGuid():N}@example.be";

        using var recorded = await admin.PostAsJsonAsync("/api/admin/privacy/requests", new
        {
            type = "Erasure",
            firstName = "Lukas",
            lastName = "Schmitz",
            email,
            receivedOn = DateOnly.FromDateTime(DateTime.UtcNow),
        });
        using var unknown = await admin.PostAsJsonAsync("/api/admin/privacy/requests", new
        {
            type = "Erasure",
            firstName = "Lukas",
            lastName = "Schmitz",
            email,
            language = "es",
        });

        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var receipt = await MailInbox.WaitFor(email);
        Assert.StartsWith("Wir haben Ihren Antrag auf Löschung erhalten", receipt.Subject, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("Wählen Sie die Sprache des Antragstellers: nl, fr, de oder en.", Assert.Single((await unknown.ReadProblem()).Errors!["language"]));
    }

    [Fact]
    public async Task A_Dutch_customers_export_explains_itself_in_Dutch()
    {
        var customer = await PrivacyTestUsers.RegisterCustomer(privacy.Node, "Fien");
        using var chosen = await customer.Client.PutAsJsonAsync("/api/account/language", new { language = "Dutch" });
        Assert.Equal(HttpStatusCode.NoContent, chosen.StatusCode);

        using var response = await customer.Client.GetAsync("/api/privacy/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var zipStream = await response.Content.ReadAsStreamAsync();
        using var zip = new ZipArchive(zipStream, ZipArchiveMode.Read);
        var readme = zip.GetEntry("LEESMIJ.txt");
        Assert.NotNull(readme);
        using var reader = new StreamReader(readme.Open());
        var text = await reader.ReadToEndAsync();
        Assert.StartsWith("Uw persoonsgegevens bij MyStamp", text, StringComparison.Ordinal);
        Assert.Contains("data.json: alles wat we over u bijhouden", text, StringComparison.Ordinal);
        Assert.NotNull(zip.GetEntry("data.json"));
    }

    [Fact]
    public async Task The_privacy_pages_speak_German_around_the_Dutch_policy()
    {
        // Registered in German: signing in switches to the stored language, whatever the browser asks for.
        var customer = await PrivacyTestUsers.RegisterCustomer(privacy.Node, "Anke", acceptLanguage: "de-BE");
        customer.Client.AskingFor("de-BE");

        var policy = await customer.Client.GetStringAsync("/Privacy");
        var mine = await customer.Client.GetStringAsync("/Privacy/Mine");
        var report = await customer.Client.GetStringAsync("/Privacy/AccessReport");

        Assert.Contains("<html lang=\"de\"", policy, StringComparison.Ordinal);
        Assert.Contains("Datenschutzrichtlinie von MyStamp &amp; MyStamp Pro", policy, StringComparison.Ordinal);
        Assert.Contains("Verarbeitungsverzeichnis", policy, StringComparison.Ordinal);
        Assert.Contains("Specifiek Privacybeleid", policy, StringComparison.Ordinal);
        Assert.Contains("Aller Werbung widersprechen", mine, StringComparison.Ordinal);
        Assert.Contains("Welche unserer Mitarbeitenden Ihre Daten angesehen haben", report, StringComparison.Ordinal);
        Assert.DoesNotContain("Which of our staff looked at your data", report, StringComparison.Ordinal);
    }
}
