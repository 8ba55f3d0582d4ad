namespace MyStamp.Privacy.Contracts;

/// <summary>
/// Who may receive non-personalised advertising or survey invitations (O4, O5). Every customer is
/// enrolled at registration; an export per channel leaves out everyone who objected to that channel
/// (or restricted processing), and carries the same campaign content for every recipient.
/// </summary>
[Alias("mystamp.privacy.advertising-audience")]
public interface IAdvertisingAudienceGrain : IGrainWithIntegerKey
{
    /// <summary>Adds a new customer to the audience. The Customers module calls this at registration.</summary>
    Task Enrol(Guid customerId);

    /// <summary>The recipients of one channel as CSV, with the one campaign content for all of them.</summary>
    Task<AudienceExport> Export(AudienceExportRequest request);
}

/// <summary>Where a campaign goes: one advertising channel, or survey invitations.</summary>
public enum AudienceChannel
{
    Post = 0,
    Email = 1,
    Phone = 2,
    AdPlatforms = 3,
    Onsite = 4,
    Surveys = 5,
}

/// <summary>An admin exports the audience of one channel for one campaign.</summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.privacy.audience-export-request")]
public sealed record AudienceExportRequest(
    [property: Id(0)] AudienceChannel Channel,
    [property: Id(1)] string Subject,
    [property: Id(2)] string Message,
    [property: Id(3)] Guid RequestedBy);

/// <summary>The export: CSV text (holds personal data: never logged or cached).</summary>
/// <param name="Included">The customers in it, one per row: each is recorded as included before the CSV is handed over.</param>
[GenerateSerializer, Immutable]
[Alias("mystamp.privacy.audience-export")]
public sealed record AudienceExport(
    [property: Id(0)] AudienceChannel Channel,
    [property: Id(1)] int Recipients,
    [property: Id(2)] string Csv,
    [property: Id(3)] IReadOnlyList<Guid> Included)
{
    public override string ToString() => $"AudienceExport {{ Channel = {Channel}, Recipients = {Recipients} }}";
}
