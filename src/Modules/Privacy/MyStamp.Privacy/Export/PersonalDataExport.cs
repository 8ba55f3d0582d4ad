using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using MyStamp.Customers.Contracts;
using MyStamp.Orders.Contracts;
using MyStamp.Privacy.Contracts;
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

/// <summary>The portability export (GDPR Art. 20): a zip with a machine-readable <c>data.json</c> and the photos.</summary>
internal static class PersonalDataExport
{
    public const string FormatName = "mystamp-personal-data/1";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static byte[] Build(ExportDocument document, IReadOnlyList<ExportPhoto> photos)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
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
