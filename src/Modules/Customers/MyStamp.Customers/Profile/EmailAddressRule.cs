namespace MyStamp.Customers.Profile;

/// <summary>
/// What an e-mail address must look like to be accepted, and the one normal form used for look-ups
/// (so that "Ann@Example.be " and "ann@example.be" are one account).
/// </summary>
internal static class EmailAddressRule
{
    public const int MaxLength = 254;
    private const int MaxLocalPartLength = 64;
    private const string LocalPartSpecials = "!#$%&'*+/=?^_`{|}~-.";

    /// <summary>The form every look-up and uniqueness check uses: trimmed and lower case.</summary>
    public static string Normalise(string email) => email.Trim().ToLowerInvariant();

    /// <summary>
    /// A plain address "local@domain.tld": an unquoted local part of letters, digits and the usual
    /// specials without leading, trailing or double dots, and a domain of at least two DNS labels
    /// with an alphabetic top-level label. No display names, comments, quotes or IP literals.
    /// </summary>
    public static bool IsValid(string email)
    {
        if (email.Length is 0 or > MaxLength)
        {
            return false;
        }
        var at = email.IndexOf('@');
        if (at <= 0 || at != email.LastIndexOf('@') || at == email.Length - 1)
        {
            return false;
        }
        return IsValidLocalPart(email[..at]) && IsValidDomain(email[(at + 1)..]);
    }

    private static bool IsValidLocalPart(string local) =>
        local.Length <= MaxLocalPartLength
        && local[0] != '.' && local[^1] != '.' && !local.Contains("..", StringComparison.Ordinal)
        && local.All(c => char.IsAsciiLetterOrDigit(c) || LocalPartSpecials.Contains(c));

    private static bool IsValidDomain(string domain)
    {
        var labels = domain.Split('.');
        if (labels.Length < 2)
        {
            return false;
        }
        foreach (var label in labels)
        {
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-' || !label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                return false;
            }
        }
        var topLevel = labels[^1];
        return topLevel.Length >= 2 && (topLevel.All(char.IsAsciiLetter) || topLevel.StartsWith("xn--", StringComparison.OrdinalIgnoreCase));
    }
}
