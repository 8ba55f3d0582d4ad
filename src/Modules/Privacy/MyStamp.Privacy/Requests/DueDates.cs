namespace MyStamp.Privacy.Requests;

/// <summary>
/// The deadline of a data-subject request (GDPR Art. 12(3), O10): one month from receipt, extendable
/// once by two further months, and only while the first month runs. A month ends on the same day of the
/// next month, or on that month's last day when it has no such day (31 January → 28/29 February).
/// </summary>
internal static class DueDates
{
    public static DateOnly Initial(DateOnly receivedOn) => receivedOn.AddMonths(1);

    /// <summary>Two months more, counted from receipt so that month ends are not lost (31 Jan → 30 Apr, not 28 Apr).</summary>
    public static DateOnly Extended(DateOnly receivedOn) => receivedOn.AddMonths(3);

    public static DateOnly DueBy(DateOnly receivedOn, bool extended) => extended ? Extended(receivedOn) : Initial(receivedOn);

    /// <summary>Why an extension is not possible now, or null when it is.</summary>
    public static string? WhyNotExtendable(DateOnly receivedOn, bool alreadyExtended, DateOnly today) =>
        alreadyExtended ? "The deadline has already been extended once."
        : today > Initial(receivedOn) ? "The deadline can only be extended during the first month after receipt."
        : null;

    /// <summary>Overdue from the day after the due date (the due date itself is still in time).</summary>
    public static bool IsOverdue(DateOnly dueBy, DateOnly today) => today > dueBy;
}

/// <summary>Dates as the shop in Brussels counts them.</summary>
internal static class BrusselsCalendar
{
    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Brussels).DateTime);

    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow());
}
