using System.Text.RegularExpressions;

namespace MyStamp.Customers.Profile;

/// <summary>
/// Postal codes per country, in the form the post office prints: BE and LU four digits (LU also
/// accepts "L-1234"), NL "1234 AB" (with or without the space; not SA, SD or SS), FR and DE five
/// digits in their ranges. Other countries: 2-10 letters, digits, spaces or dashes.
/// </summary>
internal static partial class PostalCodeRule
{
    public const int MaxInputLength = 16;

    /// <summary>The normal form of the postal code for the (already valid, upper-case) country, or null when it does not fit.</summary>
    public static string? Normalise(string country, string input)
    {
        if (input.Length > MaxInputLength)
        {
            return null;
        }
        var code = input.Trim().ToUpperInvariant();
        switch (country)
        {
            case "BE":
                return Belgium().IsMatch(code) ? code : null;
            case "LU":
                var luxembourg = Luxembourg().Match(code);
                return luxembourg.Success ? luxembourg.Groups["digits"].Value : null;
            case "NL":
                var netherlands = Netherlands().Match(code);
                return netherlands.Success ? $"{netherlands.Groups["digits"].Value} {netherlands.Groups["letters"].Value}" : null;
            case "FR":
                return France().IsMatch(code) ? code : null;
            case "DE":
                return Germany().IsMatch(code) ? code : null;
            default:
                return Other().IsMatch(code) ? code : null;
        }
    }

    /// <summary>A hint shown next to the field: what a postal code of that country looks like.</summary>
    public static string Example(string country) => country switch
    {
        "BE" => "Belgian postal codes have four digits, e.g. 1000.",
        "LU" => "Luxembourg postal codes have four digits, e.g. L-1234.",
        "NL" => "Dutch postal codes have four digits and two letters, e.g. 1012 AB.",
        "FR" => "French postal codes have five digits, e.g. 75001.",
        "DE" => "German postal codes have five digits, e.g. 10115.",
        _ => "Enter the postal code as the post office writes it.",
    };

    [GeneratedRegex("^[1-9][0-9]{3}$")]
    private static partial Regex Belgium();

    [GeneratedRegex("^(?:L-?)?(?<digits>[0-9]{4})$")]
    private static partial Regex Luxembourg();

    [GeneratedRegex("^(?<digits>[1-9][0-9]{3}) ?(?<letters>(?!SA|SD|SS)[A-Z]{2})$")]
    private static partial Regex Netherlands();

    [GeneratedRegex("^(?:0[1-9]|[1-8][0-9]|9[0-8])[0-9]{3}$")]
    private static partial Regex France();

    [GeneratedRegex("^(?:0[1-9]|[1-9][0-9])[0-9]{3}$")]
    private static partial Regex Germany();

    [GeneratedRegex("^[A-Z0-9][A-Z0-9 -]{0,8}[A-Z0-9]$")]
    private static partial Regex Other();
}
