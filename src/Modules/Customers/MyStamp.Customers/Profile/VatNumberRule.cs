using System.Text.RegularExpressions;

namespace MyStamp.Customers.Profile;

/// <summary>
/// VAT/enterprise numbers of Pro accounts. Belgian enterprise numbers (<c>BE0123.456.749</c>,
/// <c>0123456749</c>, <c>0123 456 749</c>, the old nine-digit form) are normalised to
/// <c>BE</c> + ten digits and checked with their mod-97 check digits. Numbers of the neighbouring
/// countries (NL, FR, DE, LU) are checked for their shape, other EU numbers for a country prefix
/// and a plausible length.
/// </summary>
internal static partial class VatNumberRule
{
    /// <summary>Longest raw input considered; anything longer is refused before any parsing.</summary>
    public const int MaxInputLength = 32;

    private static readonly HashSet<string> EuPrefixes =
    [
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "HR", "HU", "IE", "IT",
        "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "XI",
    ];

    /// <summary>Normalises and checks a number; returns the normal form, or null with the reason in <paramref name="problem"/>.</summary>
    public static string? Normalise(string input, out string? problem)
    {
        problem = null;
        if (input.Length > MaxInputLength)
        {
            problem = "A VAT number has at most 32 characters.";
            return null;
        }
        var compact = Compact(input);
        if (compact.Length >= 2 && char.IsAsciiLetter(compact[0]) && char.IsAsciiLetter(compact[1]))
        {
            var prefix = compact[..2];
            if (prefix == "BE")
            {
                return BelgianEnterpriseNumber(compact[2..], out problem);
            }
            if (!EuPrefixes.Contains(prefix))
            {
                problem = "Start the VAT number with an EU country code, such as BE.";
                return null;
            }
            if (!ForeignShape(prefix).IsMatch(compact[2..]))
            {
                problem = "This VAT number does not have the format of its country.";
                return null;
            }
            return compact;
        }
        return BelgianEnterpriseNumber(compact, out problem);
    }

    /// <summary>
    /// Ten digits starting with 0 or 1 (nine-digit numbers are the old form of those starting with 0);
    /// the last two digits are 97 minus the first eight modulo 97.
    /// </summary>
    public static string? BelgianEnterpriseNumber(string digits, out string? problem)
    {
        problem = null;
        if (digits.Length == 9 && digits.All(char.IsAsciiDigit))
        {
            digits = "0" + digits;
        }
        if (digits.Length != 10 || !digits.All(char.IsAsciiDigit) || digits[0] is not ('0' or '1'))
        {
            problem = "A Belgian enterprise number has ten digits and starts with 0 or 1, e.g. BE0123.456.749.";
            return null;
        }
        var body = long.Parse(digits[..8], System.Globalization.CultureInfo.InvariantCulture);
        var check = int.Parse(digits[8..], System.Globalization.CultureInfo.InvariantCulture);
        if (97 - (body % 97) != check)
        {
            problem = "This Belgian enterprise number fails its check digits: check for a typing mistake.";
            return null;
        }
        return "BE" + digits;
    }

    /// <summary>Removes the separators people type (spaces, dots, dashes, slashes) and upper-cases.</summary>
    private static string Compact(string input) =>
        string.Concat(input.Where(c => !char.IsWhiteSpace(c) && c is not ('.' or '-' or '/'))).ToUpperInvariant();

    private static Regex ForeignShape(string prefix) => prefix switch
    {
        "NL" => NetherlandsShape(),
        "FR" => FranceShape(),
        "DE" => GermanyShape(),
        "LU" => LuxembourgShape(),
        _ => GenericShape(),
    };

    [GeneratedRegex("^[0-9]{9}B[0-9]{2}$")]
    private static partial Regex NetherlandsShape();

    [GeneratedRegex("^[0-9A-HJ-NP-Z]{2}[0-9]{9}$")]
    private static partial Regex FranceShape();

    [GeneratedRegex("^[0-9]{9}$")]
    private static partial Regex GermanyShape();

    [GeneratedRegex("^[0-9]{8}$")]
    private static partial Regex LuxembourgShape();

    [GeneratedRegex("^[0-9A-Z+*]{2,12}$")]
    private static partial Regex GenericShape();
}
