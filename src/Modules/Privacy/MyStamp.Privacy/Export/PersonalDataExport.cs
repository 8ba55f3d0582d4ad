using System.IO.Compression;
using System.Resources;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using MyStamp.Customers.Contracts;
using MyStamp.Orders.Contracts;
using MyStamp.Privacy.AccessReports;
using MyStamp.Privacy.Contracts;
using MyStamp.Privacy.Register;
using MyStamp.Studio.Contracts;

namespace MyStamp.Privacy.Export;

/// <summary>A photo to put in the export.</summary>
internal sealed record ExportPhoto(Guid DesignId, string FileName, byte[] Content);

/// <summary>A request as its requester sees it in the export: no audit trail (it names our staff).</summary>
internal sealed record ExportedRequest(
    Guid RequestId, RequestType Type, RequestStatus Status, DateTimeOffset ReceivedAt, DateOnly DueBy,
    Requester Requester, string? Details, IReadOnlyList<RequesterMessage> Messages);

/// <summary>An uploaded design and where its photo is in the zip.</summary>
internal sealed record ExportedDesign(DesignSummary Design, string? Photo);

/// <summary>Everything in <c>data.json</c>: the customer's own data, and nothing of anyone else.</summary>
internal sealed record ExportDocument(
    string Format,
    DateTimeOffset ExportedAt,
    string Controller,
    CustomerProfile Customer,
    ObjectionsView Objections,
    IReadOnlyList<ObjectionRecord> ObjectionHistory,
    bool Restricted,
    int AcknowledgedPolicyVersion,
    IReadOnlyList<OrderView> Orders,
    IReadOnlyList<ExportedDesign> Designs,
    IReadOnlyList<ExportedRequest> Requests);

/// <summary>
/// The portability export (GDPR Art. 20): a zip with a machine-readable <c>data.json</c>, the photos, and a readme
/// that says what they are in the customer's language (the JSON's field names stay English, for any program to read).
/// </summary>
internal static class PersonalDataExport
{
    public const string FormatName = "mystamp-personal-data/1";

    private static readonly ResourceManager Texts = new("MyStamp.Privacy.Export.ExportText", typeof(PersonalDataExport).Assembly);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <param name="language">nl, fr, de or en: the customer's stored language, or the language of the request it answers.</param>
    public static byte[] Build(ExportDocument document, IReadOnlyList<ExportPhoto> photos, string language)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            var t = new ReportLanguage(Texts, language);
            var office = ProcessingRegisterCatalog.Register.DataProtectionOffice;
            var readme = t["Readme", t.Moment(document.ExportedAt), FormatName, photos.Count, $"{office.Name}, {office.Address}"];
            using (var writer = new StreamWriter(zip.CreateEntry(t["README.txt"], CompressionLevel.Optimal).Open(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
            {
                // With a byte-order mark and CRLF, so that every text editor (Notepad too) shows é, ü and the lines.
                writer.Write(readme.ReplaceLineEndings("\r\n"));
            }
            var data = zip.CreateEntry("data.json", CompressionLevel.Optimal);
            using (var stream = data.Open())
            {
                JsonSerializer.Serialize(stream, document, Json);
            }
            foreach (var photo in photos)
            {
                var entry = zip.CreateEntry(photo.FileName, CompressionLevel.NoCompression);
                using var stream = entry.Open();
                stream.Write(photo.Content);
            }
        }
        return output.ToArray();
    }
}
