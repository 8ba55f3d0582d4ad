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
[GenerateSerializer, Immutable]
[Alias("mystamp.audit.personal-data-view")]
public sealed record PersonalDataView(
    [property: Id(0)] Guid CustomerId,
    [property: Id(1)] Guid AdminId,
    [property: Id(2)] string What,
    [property: Id(3)] DateTimeOffset At);

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

    /// <summary>The longest description <see cref="IPersonalDataViewsGrain.Record"/> accepts.</summary>
    public const int MaxLength = 200;
}
