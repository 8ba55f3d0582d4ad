namespace MyStamp.Audit.Contracts;

/// <summary>
/// Who looked at one customer's personal data: every admin view of it is recorded here before the data
/// is shown, and the record cannot be edited. The key is the customer's id (a random id, never personal
/// data). The customer's access report lists the entries (O8: access, "which admins looked").
/// </summary>
[Alias("mystamp.audit.personal-data-views")]
public interface IPersonalDataViewsGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Records that <paramref name="adminId"/> is being shown this customer's personal data, now. Call it
    /// before showing the data: when it fails, show nothing. <paramref name="what"/> names what was shown
    /// (see <see cref="ViewedData"/>); it must not itself contain personal data.
    /// </summary>
    Task<PersonalDataView> Record(Guid adminId, string what);

    /// <summary>Every recorded view of this customer's personal data, newest first.</summary>
    Task<IReadOnlyList<PersonalDataView>> List();

    /// <summary>
    /// The only way entries ever leave the trail: after this customer has been erased (O7), the retention
    /// work removes the entries about them, which would otherwise keep pointing at a person who is gone.
    /// Idempotent; returns how many entries were removed. Never call it for a customer who still exists.
    /// </summary>
    Task<int> EraseAfterCustomerErasure();
}

/// <summary>One admin's look at one customer's personal data: who, whose, what and when.</summary>
/// <param name="ExportId">For an entry saying the customer was included in a bulk export: that export (see <see cref="IPersonalDataExportsGrain"/>).</param>
[GenerateSerializer, Immutable]
[Alias("mystamp.audit.personal-data-view")]
public sealed record PersonalDataView(
    [property: Id(0)] Guid CustomerId,
    [property: Id(1)] Guid AdminId,
    [property: Id(2)] string What,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] Guid? ExportId = null);

/// <summary>The names of what an admin was shown, as they appear in the trail and the access report.</summary>
public static class ViewedData
{
    /// <summary>The admin console's customer page: profile, orders and designs.</summary>
    public const string CustomerPage = "Admin console customer page: profile, orders and designs";

    /// <summary>The privacy desk's page (or API) of a data-subject request linked to the customer.</summary>
    public const string DataSubjectRequest = "Opened their data-subject request";

    /// <summary>The customer's access report, downloaded by an admin to answer a request.</summary>
    public const string AccessReportForRequest = "Access report downloaded to answer a request";

    /// <summary>The customer's portability export, downloaded by an admin to answer a request.</summary>
    public const string ExportForRequest = "Data export downloaded to answer a request";

    /// <summary>An admin's answer that showed the customer's order with its shipping address.</summary>
    public const string Order = "Admin looked at their order with its shipping address";

    /// <summary>The production desk's page of one order: shipping address and print sheet, to ship it.</summary>
    public const string OrderToShip = "Production desk: order with shipping address, to ship it";

    /// <summary>The production desk's batch print view: address labels and print sheets of many orders.</summary>
    public const string BatchPrintView = "Production desk: batch print view with shipping address label";

    /// <summary>A design's photo, stamp preview or print sheet, fetched by an admin (moderation, production).</summary>
    public static string DesignImage(string which) => $"Admin fetched the {which} of their design";

    /// <summary>The erasure-notice outbox: an admin opened the e-mail address a notice goes to.</summary>
    public const string NoticeAddress = "Retention desk: opened the e-mail address of their erasure notice";

    /// <summary>An admin decided on a data-subject request linked to the customer; the answer shows the request.</summary>
    public const string DataSubjectRequestDecision = "Decided on their data-subject request";

    /// <summary>The identity document of a data-subject request, opened by an admin.</summary>
    public const string IdentityDocument = "Opened the identity document of their data-subject request";

    /// <summary>An admin recorded an objection from a signed letter; the answer shows the customer's objections.</summary>
    public const string ObjectionByLetter = "Recorded their objection from a signed letter";

    /// <summary>The entry each person included in a bulk export gets: the channel and the day are in the entry.</summary>
    public static string IncludedInExport(string channel) => $"Included in the advertising audience export: {channel}";

    /// <summary>The longest description <see cref="IPersonalDataViewsGrain.Record"/> accepts.</summary>
    public const int MaxLength = 200;
}

/// <summary>
/// Bulk exports of personal data (the advertising-audience exports, O4): each export is recorded (who, when, which
/// channel, how many people), and each person in it gets an entry in their own trail saying that they were included,
/// which their access report lists. Recorded before the export is handed over; when it fails, hand over nothing.
/// A stateless worker: call it with key 0.
/// </summary>
[Alias("mystamp.audit.personal-data-exports")]
public interface IPersonalDataExportsGrain : IGrainWithIntegerKey
{
    /// <summary>Records the export and one entry per person in it (duplicates count once), in one transaction.</summary>
    Task<RecordedExport> Record(Guid adminId, string channel, IReadOnlyList<Guid> customerIds);

    /// <summary>The export with this id, or null.</summary>
    Task<RecordedExport?> Get(Guid exportId);
}

/// <summary>One bulk export: who, when, which channel, how many people. Names no one.</summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.audit.recorded-export")]
public sealed record RecordedExport(
    [property: Id(0)] Guid ExportId,
    [property: Id(1)] Guid AdminId,
    [property: Id(2)] string Channel,
    [property: Id(3)] int People,
    [property: Id(4)] DateTimeOffset At);
