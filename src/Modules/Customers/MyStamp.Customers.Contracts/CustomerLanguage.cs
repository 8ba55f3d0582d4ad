namespace MyStamp.Customers.Contracts;

/// <summary>
/// The language a customer reads the shop and its e-mails in: Belgium's three official languages and English.
/// Stored with the account (chosen at registration from the browser's language, changed by the language switcher
/// or on the profile page), so that messages sent while the customer is away reach them in their language.
/// </summary>
public enum CustomerLanguage
{
    /// <summary>The policy's own language, and the language of an account that never chose one.</summary>
    Dutch = 0,
    French = 1,
    German = 2,
    English = 3,
}

/// <summary>The two-letter codes of <see cref="CustomerLanguage"/> (ISO 639-1), as cultures and the web edge name them.</summary>
public static class CustomerLanguages
{
    public static IReadOnlyList<CustomerLanguage> All { get; } = [CustomerLanguage.Dutch, CustomerLanguage.French, CustomerLanguage.German, CustomerLanguage.English];

    /// <summary>"nl", "fr", "de" or "en".</summary>
    public static string Code(this CustomerLanguage language) => language switch
    {
        CustomerLanguage.French => "fr",
        CustomerLanguage.German => "de",
        CustomerLanguage.English => "en",
        _ => "nl",
    };

    /// <summary>The language of a culture name or code ("fr-BE", "fr", "FR"); null for a language the shop does not speak.</summary>
    public static CustomerLanguage? FromCode(string? cultureName)
    {
        if (string.IsNullOrWhiteSpace(cultureName))
        {
            return null;
        }
        var code = cultureName.Trim().Split('-', '_')[0].ToLowerInvariant();
        return code switch
        {
            "nl" => CustomerLanguage.Dutch,
            "fr" => CustomerLanguage.French,
            "de" => CustomerLanguage.German,
            "en" => CustomerLanguage.English,
            _ => null,
        };
    }
}
