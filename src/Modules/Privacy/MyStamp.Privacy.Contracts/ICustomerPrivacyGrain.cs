using MyStamp.Customers.Contracts;

namespace MyStamp.Privacy.Contracts;

/// <summary>
/// The privacy side of one customer (key: the customer id): objections (O4), survey objection,
/// restriction of processing, which policy version they have seen (O11), and the Art. 15 access report and
/// the portability export built from every module's contracts. Which admins looked at the customer's data is
/// kept by the Audit module's append-only trail (<c>IPersonalDataViewsGrain</c>): admin screens record there,
/// and the access report reads it.
/// </summary>
[Alias("mystamp.privacy.customer-privacy")]
public interface ICustomerPrivacyGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Records an objection: to advertising through one channel or all of them (stored with the customer,
    /// effective at once, O4), or to survey invitations. Returns what the customer now objects to.
    /// </summary>
    /// <param name="recordedBy">The admin who recorded a signed postal request; null when the customer objected online.</param>
    Task<ObjectionsView> Object(ObjectionChannel channel, ObjectionSource source, Guid? recordedBy);

    /// <summary>What the customer objects to now.</summary>
    Task<ObjectionsView> GetObjections();

    /// <summary>Whether processing is restricted (GDPR Art. 18): no marketing, no profile changes except by request.</summary>
    Task<bool> IsRestricted();

    /// <summary>Restricts processing, as the outcome of a restriction request.</summary>
    Task Restrict(Guid requestId);

    /// <summary>The newest policy version when the customer has not yet seen it, else null (O11).</summary>
    Task<PolicyVersion?> GetPolicyNotice();

    /// <summary>The customer has read the given policy version: the notice goes away.</summary>
    Task AcknowledgePolicy(int version);

    /// <summary>The Art. 15 access report: the data, its source, purposes, recipients, transfers, retention and more.</summary>
    Task<AccessReport> GetAccessReport();

    /// <summary>The access report as a PDF document, in <paramref name="language"/> (nl, fr, de, en).</summary>
    /// <param name="language">
    /// The language of the request it answers; null for the customer's own download, which is in the language stored
    /// with their account (<see cref="CustomerProfile.Language"/>).
    /// </param>
    Task<byte[]> GetAccessReportPdf(string? language);

    /// <summary>
    /// The portability export (Art. 20): a zip with <c>data.json</c>, the customer's photos and a readme in
    /// <paramref name="language"/> (null: the customer's stored language, as for the access report).
    /// </summary>
    Task<byte[]> ExportPersonalData(string? language);

    /// <summary>
    /// Erases the customer's privacy state and audience entry. The customer's erasure (O7) reaches it through
    /// the Privacy module's <c>IPersonalDataEraser</c>, which also forgets the requester in their data-subject
    /// requests; other modules need not call it. Idempotent.
    /// </summary>
    Task Forget();
}

/// <summary>What a customer can object to: one advertising channel, all of them, or survey invitations.</summary>
public enum ObjectionChannel
{
    Post = 0,
    Email = 1,
    Phone = 2,
    AdPlatforms = 3,
    Onsite = 4,
    /// <summary>Every advertising channel at once.</summary>
    All = 5,
    /// <summary>Invitations to satisfaction surveys and market research (a separate purpose with its own objection).</summary>
    Surveys = 6,
}

/// <summary>The objections in force.</summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.privacy.objections-view")]
public sealed record ObjectionsView(
    [property: Id(0)] IReadOnlyList<AdvertisingChannel> Advertising,
    [property: Id(1)] bool Surveys);

/// <summary>An admin looked at the customer's data: an entry of the Audit module's trail, as the access report shows it.</summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.privacy.admin-access")]
public sealed record AdminAccess(
    [property: Id(0)] Guid AdminId,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string What);

/// <summary>
/// The GDPR Art. 15 report: not a bare data dump but the data with its context. Holds personal data:
/// never logged.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.privacy.access-report")]
public sealed record AccessReport(
    [property: Id(0)] Guid CustomerId,
    [property: Id(1)] DateTimeOffset GeneratedAt,
    [property: Id(2)] CustomerProfile Profile,
    [property: Id(3)] IReadOnlyList<AccessReportItem> Data,
    [property: Id(4)] ObjectionsView Objections,
    [property: Id(5)] bool Restricted,
    [property: Id(6)] IReadOnlyList<AccessReportRecord> Orders,
    [property: Id(7)] IReadOnlyList<AccessReportRecord> Designs,
    [property: Id(8)] DateOnly? ErasureDue,
    [property: Id(9)] IReadOnlyList<AdminAccess> AdminAccesses,
    [property: Id(10)] ProcessingRegister Register)
{
    public override string ToString() => $"AccessReport {{ CustomerId = {CustomerId} }}";
}

/// <summary>One item of the customer's data with its category name and source.</summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.privacy.access-report-item")]
public sealed record AccessReportItem(
    [property: Id(0)] string CategoryId,
    [property: Id(1)] string Category,
    [property: Id(2)] string? Value,
    [property: Id(3)] string Source);

/// <summary>An order or design listed in the report.</summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.privacy.access-report-record")]
public sealed record AccessReportRecord(
    [property: Id(0)] Guid Id,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Description);
