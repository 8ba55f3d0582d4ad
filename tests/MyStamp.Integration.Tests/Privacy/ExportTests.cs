using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MyStamp.Integration.Tests.Infrastructure;
using MyStamp.Privacy.Contracts;

namespace MyStamp.Integration.Tests.Privacy;

/// <summary>Portability and access (GDPR Art. 15, 20): the customer's own data, all of it, and nobody else's.</summary>
public class ExportTests(NodeFixture privacy) : IClassFixture<NodeFixture>
{
    [Fact]
    public async Task The_export_zip_holds_every_personal_field_of_the_customer_and_nothing_of_anyone_else()
    {
        var customer = await PrivacyTestUsers.RegisterCustomer(privacy.Node, "Elise");
        var someoneElse = await PrivacyTestUsers.RegisterCustomer(privacy.Node, "Bavo", phone: "+32 495 98 76 54");
        await customer.Client.PostAsJsonAsync("/api/privacy/objections", new { channel = "Phone" });
        var profile = await customer.Client.GetFromJsonAsync<JsonElement>("/api/account/me");
        var othersProfile = await someoneElse.Client.GetFromJsonAsync<JsonElement>("/api/account/me");

        var response = await customer.Client.GetAsync("/api/privacy/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        await using var zipStream = await response.Content.ReadAsStreamAsync();
        using var zip = new ZipArchive(zipStream, ZipArchiveMode.Read);
        var entry = zip.GetEntry("data.json");
        Assert.NotNull(entry);
        string json;
        using (var reader = new StreamReader(entry.Open()))
        {
            json = await reader.ReadToEndAsync();
        }
        var data = JsonDocument.Parse(json).RootElement;
        var exported = data.GetProperty("customer");
        var fields = Leaves(Unwrap(profile)).ToList();
        Assert.NotEmpty(fields);
        foreach (var (path, value) in fields)
        {
            Assert.True(Leaves(data).Any(leaf => leaf.Value == value), $"data.json holds the customer's {path}");
        }
        Assert.Equal(customer.Id, exported.GetProperty("customerId").GetGuid());
        Assert.Equal(["Phone"], data.GetProperty("objections").GetProperty("advertising").EnumerateArray().Select(c => c.GetString()));
        foreach (var (path, value) in Leaves(Unwrap(othersProfile)).Where(leaf => leaf.Value.Length > 4 && !Leaves(exported).Any(mine => mine.Value == leaf.Value)))
        {
            Assert.False(json.Contains(value, StringComparison.OrdinalIgnoreCase), $"data.json holds someone else's {path}");
        }
        Assert.DoesNotContain(someoneElse.Id.ToString(), json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(someoneElse.Email, json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_export_zip_hands_back_the_customers_own_photos()
    {
        // O8 / Art. 20: the photos are the customer's personal data too.
        var customer = await PrivacyTestUsers.RegisterCustomer(privacy.Node, "Wout");
        // A camera photo with EXIF: the export hands back the cleaned copy that was stored.
        var designId = await MyStamp.Integration.Tests.Infrastructure.Designs.Upload(customer.Client);

        var response = await customer.Client.GetAsync("/api/privacy/export");

        await using var zipStream = await response.Content.ReadAsStreamAsync();
        using var zip = new ZipArchive(zipStream, ZipArchiveMode.Read);
        var photo = zip.GetEntry($"photos/{designId}.jpg");
        Assert.NotNull(photo);
        await using (var entry = photo.Open())
        {
            // The photo as stored: full size while the design is still being cropped, as a JPEG, with no metadata.
            using var bytes = new MemoryStream();
            await entry.CopyToAsync(bytes);
            using var image = SixLabors.ImageSharp.Image.Load(bytes.ToArray());
            Assert.Equal((1200, 900), (image.Width, image.Height));
            Assert.Equal("JPEG", SixLabors.ImageSharp.Image.DetectFormat(bytes.ToArray())?.Name);
            Assert.Null(image.Metadata.ExifProfile);
        }
        using var data = new StreamReader(zip.GetEntry("data.json")!.Open());
        Assert.Contains($"photos/{designId}.jpg", await data.ReadToEndAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_access_report_gives_the_data_with_its_source_purposes_recipients_transfers_and_erasure_date()
    {
        var customer = await PrivacyTestUsers.RegisterCustomer(privacy.Node, "Kato");

        var report = await customer.Client.GetJson<AccessReport>("/api/privacy/access-report");
        var page = await customer.Client.GetStringAsync("/Privacy/AccessReport");
        var pdf = await customer.Client.GetAsync("/api/privacy/access-report.pdf");

        Assert.Contains(report.Data, item => item.CategoryId == "email" && item.Value == customer.Email && item.Source.Length > 0);
        Assert.NotNull(report.ErasureDue);
        Assert.Contains(report.Register.Transfers, t => t.Country == "India");
        Assert.Contains(customer.Email, page, StringComparison.Ordinal);
        Assert.Contains("Which of our staff looked at your data", page, StringComparison.Ordinal);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>The profile object, whether /api/account/me returns it bare or wrapped.</summary>
    private static JsonElement Unwrap(JsonElement me) => me.TryGetProperty("profile", out var profile) ? profile : me;

    private static IEnumerable<(string Path, string Value)> Leaves(JsonElement element, string path = "")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    foreach (var leaf in Leaves(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}"))
                    {
                        yield return leaf;
                    }
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var leaf in Leaves(item, path))
                    {
                        yield return leaf;
                    }
                }
                break;
            case JsonValueKind.String when element.GetString() is { Length: > 0 } text:
                yield return (path, text);
                break;
            case JsonValueKind.Number:
                yield return (path, element.GetRawText());
                break;
        }
    }
}
