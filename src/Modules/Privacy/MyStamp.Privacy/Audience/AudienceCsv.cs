using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using MyStamp.BuildingBlocks.Errors;
using MyStamp.Customers.Contracts;
using MyStamp.Privacy.Contracts;

namespace MyStamp.Privacy.Audience;

/// <summary>What the export knows of one candidate recipient.</summary>
internal sealed record AudienceCandidate(CustomerProfile Profile, ObjectionsView Objections, bool Restricted);

/// <summary>
/// Builds the CSV of one channel (O4, O5). Who is in it depends only on objections and restriction, never
/// on anything else about the person; every row carries the same subject and message.
/// </summary>
internal static class AudienceCsv
{
    public const int MaxSubjectLength = 200;
    public const int MaxMessageLength = 10_000;

    /// <summary>
    /// Every cell that a spreadsheet would read as a formula (first character <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>,
    /// tab or carriage return) is written with a leading <c>'</c>, so that it opens as text: a customer named
    /// <c>=HYPERLINK(…)</c> or <c>+cmd|…</c> cannot run anything on the machine of whoever opens the export
    /// (OWASP "CSV injection"). E.164 phone numbers start with <c>+</c> and are escaped too.
    /// </summary>
    internal static readonly CsvConfiguration WriterConfiguration = new(CultureInfo.InvariantCulture)
    {
        InjectionOptions = InjectionOptions.Escape,
    };

    public static void Validate(AudienceExportRequest request)
    {
        var errors = new FieldErrors();
        if (!Enum.IsDefined(request.Channel))
        {
            errors.Add("channel", "Choose a channel.");
        }
        if (string.IsNullOrWhiteSpace(request.Subject) || request.Subject.Length > MaxSubjectLength)
        {
            errors.Add("subject", $"Give a subject of at most {MaxSubjectLength} characters.");
        }
        if (string.IsNullOrWhiteSpace(request.Message) || request.Message.Length > MaxMessageLength)
        {
            errors.Add("message", $"Give the message, at most {MaxMessageLength} characters.");
        }
        errors.ThrowIfAny();
    }

    /// <summary>Whether the person may receive this channel: no objection to it and no restriction of processing.</summary>
    public static bool MayReceive(AudienceCandidate candidate, AudienceChannel channel) =>
        !candidate.Restricted && channel switch
        {
            AudienceChannel.Surveys => !candidate.Objections.Surveys,
            _ => !candidate.Objections.Advertising.Contains(ToAdvertising(channel)),
        };

    public static AudienceExport Build(AudienceExportRequest request, IEnumerable<AudienceCandidate> candidates)
    {
        var subject = request.Subject.Trim();
        var message = request.Message.Trim();
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using var csv = new CsvWriter(writer, WriterConfiguration);
        var header = Header(request.Channel);
        foreach (var field in header)
        {
            csv.WriteField(field);
        }
        csv.WriteField("subject");
        csv.WriteField("message");
        csv.NextRecord();

        var included = new List<Guid>();
        foreach (var candidate in candidates.Where(c => MayReceive(c, request.Channel)))
        {
            var fields = Fields(request.Channel, candidate.Profile);
            if (fields is null)
            {
                continue; // not reachable through this channel (e.g. no phone number)
            }
            foreach (var field in fields)
            {
                csv.WriteField(field);
            }
            csv.WriteField(subject);
            csv.WriteField(message);
            csv.NextRecord();
            included.Add(candidate.Profile.CustomerId);
        }
        csv.Flush();
        return new AudienceExport(request.Channel, included.Count, writer.ToString(), included);
    }

    private static string[] Header(AudienceChannel channel) => channel switch
    {
        AudienceChannel.Post => ["customerId", "firstName", "lastName", "street", "houseNumber", "box", "postalCode", "city", "country"],
        AudienceChannel.Email or AudienceChannel.Surveys => ["customerId", "firstName", "lastName", "email"],
        AudienceChannel.Phone => ["customerId", "firstName", "lastName", "phone"],
        AudienceChannel.AdPlatforms => ["customerId", "emailSha256"],
        _ => ["customerId"],
    };

    private static string?[]? Fields(AudienceChannel channel, CustomerProfile p) => channel switch
    {
        AudienceChannel.Post => [p.CustomerId.ToString(), p.FirstName, p.LastName, p.Address.Street, p.Address.HouseNumber, p.Address.Box, p.Address.PostalCode, p.Address.City, p.Address.Country],
        AudienceChannel.Email or AudienceChannel.Surveys => [p.CustomerId.ToString(), p.FirstName, p.LastName, p.Email],
        AudienceChannel.Phone => string.IsNullOrWhiteSpace(p.Phone) ? null : [p.CustomerId.ToString(), p.FirstName, p.LastName, p.Phone],
        // Advertising platforms match audiences on the hash of the normalised address, never the address itself.
        AudienceChannel.AdPlatforms => [p.CustomerId.ToString(), Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(p.Email.Trim().ToLowerInvariant())))],
        _ => [p.CustomerId.ToString()],
    };

    private static AdvertisingChannel ToAdvertising(AudienceChannel channel) => channel switch
    {
        AudienceChannel.Post => AdvertisingChannel.Post,
        AudienceChannel.Email => AdvertisingChannel.Email,
        AudienceChannel.Phone => AdvertisingChannel.Phone,
        AudienceChannel.AdPlatforms => AdvertisingChannel.AdPlatforms,
        _ => AdvertisingChannel.Onsite,
    };
}
