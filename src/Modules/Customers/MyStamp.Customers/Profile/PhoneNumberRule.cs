using PhoneNumbers;

namespace MyStamp.Customers.Profile;

/// <summary>
/// Phone numbers are parsed with libphonenumber and stored in E.164 (<c>+32470123456</c>). A number
/// without a country prefix is read as a number of the customer's country.
/// </summary>
internal static class PhoneNumberRule
{
    public const int MaxInputLength = 32;
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
    private static readonly HashSet<string> Regions = [.. Util.GetSupportedRegions()];

    /// <summary>Whether the two-letter code names a country or territory (ISO 3166-1 alpha-2, as libphonenumber knows them).</summary>
    public static bool IsKnownCountry(string code) => Regions.Contains(code);

    /// <summary>The number in E.164, or null when it is not a valid number.</summary>
    public static string? ToE164(string input, string defaultCountry)
    {
        if (input.Length > MaxInputLength || !input.Any(char.IsAsciiDigit))
        {
            return null;
        }
        try
        {
            var number = Util.Parse(input, IsKnownCountry(defaultCountry) ? defaultCountry : "BE");
            return Util.IsValidNumber(number) ? Util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
