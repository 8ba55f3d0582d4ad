namespace MyStamp.Retention.Contracts;

/// <summary>
/// The one retention rule of the privacy policy (§ 7, O7), shared by every grain that keeps personal data:
/// personal data is erased three calendar years after the customer's last order. A customer who never
/// ordered is erased three years after registration: the registration is the last time they used the
/// service. Each new order moves the deadline. Thirty days before, the customer is told.
/// </summary>
public static class RetentionPeriod
{
    /// <summary>How long personal data is kept after the customer's last order.</summary>
    public const int Years = 3;

    /// <summary>How long before the erasure the customer is told, with a link to download their data first.</summary>
    public static readonly TimeSpan NoticeAhead = TimeSpan.FromDays(30);

    /// <summary>
    /// The day-by-day rhythm of a retention reminder after its first tick: should an erasure fail halfway,
    /// the next tick resumes it.
    /// </summary>
    public static readonly TimeSpan RetryEvery = TimeSpan.FromDays(1);

    /// <summary>Three calendar years after <paramref name="from"/> (29 February moves to 28 February).</summary>
    public static DateTimeOffset DeadlineAfter(DateTimeOffset from) => from.AddYears(Years);

    /// <summary>
    /// A customer's deadline: three years after the last order, or after registration when they never
    /// ordered (or when, oddly, the last order predates the registration).
    /// </summary>
    public static DateTimeOffset CustomerDeadline(DateTimeOffset registeredAt, DateTimeOffset? lastOrderAt) =>
        DeadlineAfter(lastOrderAt is { } lastOrder && lastOrder > registeredAt ? lastOrder : registeredAt);

    /// <summary>When the customer is told about the erasure at <paramref name="deadline"/>.</summary>
    public static DateTimeOffset NoticeAt(DateTimeOffset deadline) => deadline - NoticeAhead;

    /// <summary>
    /// How long a reminder must wait from <paramref name="now"/> to fire at <paramref name="at"/>; a moment
    /// already past fires at once (Orleans refuses negative due times).
    /// </summary>
    public static TimeSpan DueIn(DateTimeOffset at, DateTimeOffset now) =>
        at > now ? at - now : TimeSpan.FromSeconds(1);
}
