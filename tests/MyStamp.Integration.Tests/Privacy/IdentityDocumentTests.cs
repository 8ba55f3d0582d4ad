using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MyStamp.Integration.Tests.Infrastructure;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace MyStamp.Integration.Tests.Privacy;

/// <summary>The identity document is redacted on the server, stripped of metadata, and deleted once the identity is decided (O9).</summary>
public class IdentityDocumentTests(NodeFixture privacy) : IClassFixture<NodeFixture>
{
    [Fact]
    public async Task The_stored_document_has_the_rectangles_blacked_out_no_exif_and_is_gone_after_the_identity_decision()
    {
        // O9
        using var admin = await privacy.Node.LoginAsAdmin();
        using var anonymous = privacy.Node.CreateApiClient();
        var submitted = await anonymous.PostAsync("/api/privacy/requests", PrivacyTestFiles.RequestForm(
            "Access", "Lien", "Maes", "lien@example.be", PrivacyTestFiles.IdentityCardJpeg(),
            """[{"x":20.5,"y":40,"width":110,"height":140},{"x":160,"y":200,"width":200,"height":24.2}]"""));
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var requestId = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("requestId").GetGuid();

        var stored = await SealedRows.OpenIdentityDocument(privacy.Node, await TestDatabase.Scalar<byte[]>("SELECT content FROM privacy_identity_documents WHERE request_id = @id", ("id", requestId)), requestId);
        using (var image = Image.Load<Rgb24>(stored))
        {
            Assert.Equal((400, 250), (image.Width, image.Height));
            foreach (var (x, y) in new[] { (20, 40), (75, 110), (130, 179), (160, 200), (359, 224) })
            {
                Assert.Equal(new Rgb24(0, 0, 0), image[x, y]);
            }
            foreach (var (x, y) in new[] { (10, 10), (140, 100), (300, 150), (380, 240) })
            {
                Assert.True(Near(image[x, y], PrivacyTestFiles.CardColour), $"pixel {x},{y} keeps the card's colour");
            }
            Assert.Null(image.Metadata.ExifProfile);
        }
        Assert.DoesNotContain("PhoneMaker", System.Text.Encoding.Latin1.GetString(stored), StringComparison.Ordinal);
        Assert.DoesNotContain("Exif", System.Text.Encoding.Latin1.GetString(stored), StringComparison.Ordinal);
        var shown = await admin.GetAsync($"/api/admin/privacy/requests/{requestId}/identity-document");
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Equal(stored, await shown.Content.ReadAsByteArrayAsync());

        await PrivacyWorld.Decide(admin, requestId, new { decision = "Verify" }, HttpStatusCode.OK);

        Assert.Equal(0L, await TestDatabase.Scalar<long>("SELECT count(*) FROM privacy_identity_documents WHERE request_id = @id", ("id", requestId)));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/admin/privacy/requests/{requestId}/identity-document")).StatusCode);
    }

    [Fact]
    public async Task A_document_without_blacked_out_areas_is_refused_and_nothing_is_stored()
    {
        // O9
        using var anonymous = privacy.Node.CreateApiClient();

        var response = await anonymous.PostAsync("/api/privacy/requests", PrivacyTestFiles.RequestForm(
            "Access", "Lien", "Maes", "lien@example.be", PrivacyTestFiles.IdentityCardJpeg(), "[]"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("redactions", out _));
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_is_refused_as_unsupported()
    {
        using var anonymous = privacy.Node.CreateApiClient();

        var response = await anonymous.PostAsync("/api/privacy/requests", PrivacyTestFiles.RequestForm(
            "Access", "Lien", "Maes", "lien@example.be", "%PDF-1.4 not an image"u8.ToArray(), """[{"x":1,"y":1,"width":5,"height":5}]"""));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    private static bool Near(Rgb24 actual, Rgb24 expected) =>
        Math.Abs(actual.R - expected.R) <= 8 && Math.Abs(actual.G - expected.G) <= 8 && Math.Abs(actual.B - expected.B) <= 8;
}
