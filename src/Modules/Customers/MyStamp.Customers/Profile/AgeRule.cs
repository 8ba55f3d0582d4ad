namespace MyStamp.Customers.Profile;

/// <summary>
/// An account holder is at least 16 years old (the GDPR's default age for consent to online
/// services, Art. 8): the birth date, when given, lies in the past and at least 16 years before
/// today (by the calendar date in UTC).
/// </summary>
internal static class AgeRule
{
    public const int MinimumAge = 16;
    public static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);

    public static bool IsInThePast(DateOnly birthDate, DateOnly today) => birthDate < today;

    public static bool IsOldEnough(DateOnly birthDate, DateOnly today) => birthDate.AddYears(MinimumAge) <= today;
}
