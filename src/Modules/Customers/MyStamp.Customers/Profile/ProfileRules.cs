using MyStamp.BuildingBlocks.Errors;
using MyStamp.Customers.Contracts;

namespace MyStamp.Customers.Profile;

/// <summary>A profile that passed every rule, in normal form. Exactly the categories of O1, nothing else.</summary>
internal sealed record ValidProfile(
    string FirstName,
    string LastName,
    string Email,
    string Gender,
    DateOnly? BirthDate,
    string? Phone,
    PostalAddress Address,
    AccountType AccountType,
    string? VatNumber,
    int? AcceptedPolicyVersion)
{
    public override string ToString() => "ValidProfile { redacted }";
}

/// <summary>
/// The rules a profile must meet, at registration and at rectification alike. Every broken rule is a
/// field error keyed by the camelCase path of the field (<c>address.postalCode</c>); every string has a
/// length limit so that oversized input is a field error rather than a stored megabyte.
/// </summary>
internal static class ProfileRules
{
    public const int MaxNameLength = 100;
    public const int MaxStreetLength = 200;
    public const int MaxHouseNumberLength = 10;
    public const int MaxBoxLength = 10;
    public const int MaxCityLength = 100;
    public const int HighestPolicyVersion = 10_000;

    public const string NotAPolicyVersion = "This is not a published version of the privacy policy.";

    /// <summary>The genders a customer can choose from (the policy lists gender as a category).</summary>
    public static readonly IReadOnlyList<string> Genders = ["Female", "Male", "Other", "PreferNotToSay"];

    public static ValidProfile? Validate(ProfileInput input, DateOnly today, FieldErrors errors, bool policyVersionRequired)
    {
        var firstName = Name(input.FirstName, "firstName", "Enter your first name.", "Your first name must contain letters.", errors);
        var lastName = Name(input.LastName, "lastName", "Enter your last name.", "Your last name must contain letters.", errors);
        var email = Email(input.Email, errors);
        var gender = Gender(input.Gender, errors);
        var birthDate = BirthDate(input.BirthDate, today, errors);
        var address = Address(input.Address, errors);
        var phone = Phone(input.Phone, address?.Country ?? "BE", errors);
        var accountType = AccountTypeOf(input.AccountType, errors);
        var vatNumber = VatNumber(input.VatNumber, accountType, errors);
        var policyVersion = PolicyVersion(input.AcceptedPolicyVersion, policyVersionRequired, errors);

        if (!errors.IsEmpty || firstName is null || lastName is null || email is null || gender is null || address is null || accountType is null)
        {
            return null;
        }
        return new ValidProfile(firstName, lastName, email, gender, birthDate, phone, address, accountType.Value, vatNumber, policyVersion);
    }

    // Whole sentences, never pieced together: the web edge translates each message as a whole.
    private static string? Name(string? value, string field, string missing, string noLetters, FieldErrors errors)
    {
        var text = RequiredText(value, field, missing, MaxNameLength, errors);
        if (text is not null && !text.Any(char.IsLetter))
        {
            errors.Add(field, noLetters);
            return null;
        }
        return text;
    }

    private static string? Email(string? value, FieldErrors errors)
    {
        var text = RequiredText(value, "email", "Enter your e-mail address.", EmailAddressRule.MaxLength, errors);
        if (text is null)
        {
            return null;
        }
        if (!EmailAddressRule.IsValid(text))
        {
            errors.Add("email", "Enter an e-mail address like name@example.be.");
            return null;
        }
        return EmailAddressRule.Normalise(text);
    }

    private static string? Gender(string? value, FieldErrors errors)
    {
        var text = RequiredText(value, "gender", "Choose a gender.", 20, errors);
        if (text is null)
        {
            return null;
        }
        var match = Genders.FirstOrDefault(g => string.Equals(g, text, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            errors.Add("gender", $"Choose one of: {string.Join(", ", Genders)}.");
        }
        return match;
    }

    private static DateOnly? BirthDate(DateOnly? value, DateOnly today, FieldErrors errors)
    {
        if (value is not { } birthDate)
        {
            return null;
        }
        if (!AgeRule.IsInThePast(birthDate, today))
        {
            errors.Add("birthDate", "The birth date must lie in the past.");
        }
        else if (birthDate < AgeRule.EarliestBirthDate)
        {
            errors.Add("birthDate", "Enter a birth date after 1900.");
        }
        else if (!AgeRule.IsOldEnough(birthDate, today))
        {
            errors.Add("birthDate", $"You must be at least {AgeRule.MinimumAge} years old to open an account.");
        }
        return birthDate;
    }

    private static PostalAddress? Address(AddressInput? input, FieldErrors errors)
    {
        if (input is null)
        {
            errors.Add("address", "Enter your address.");
            return null;
        }
        var street = RequiredText(input.Street, "address.street", "Enter the street.", MaxStreetLength, errors);
        var houseNumber = RequiredText(input.HouseNumber, "address.houseNumber", "Enter the house number.", MaxHouseNumberLength, errors);
        if (houseNumber is not null && (!char.IsAsciiDigit(houseNumber[0]) || !houseNumber.All(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-' or '/')))
        {
            errors.Add("address.houseNumber", "A house number starts with a digit, e.g. 12 or 12A.");
            houseNumber = null;
        }
        var box = OptionalText(input.Box, "address.box", MaxBoxLength, errors);
        if (box is not null && !box.All(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-' or '.'))
        {
            errors.Add("address.box", "A box holds letters and digits only, e.g. 3 or B2.");
            box = null;
        }
        var city = RequiredText(input.City, "address.city", "Enter the city.", MaxCityLength, errors);
        if (city is not null && !city.Any(char.IsLetter))
        {
            errors.Add("address.city", "A city name contains letters.");
            city = null;
        }
        var country = Country(input.Country, errors);
        string? postalCode = null;
        var rawPostalCode = RequiredText(input.PostalCode, "address.postalCode", "Enter the postal code.", PostalCodeRule.MaxInputLength, errors);
        if (rawPostalCode is not null && country is not null)
        {
            postalCode = PostalCodeRule.Normalise(country, rawPostalCode);
            if (postalCode is null)
            {
                errors.Add("address.postalCode", PostalCodeRule.Example(country));
            }
        }
        return street is null || houseNumber is null || city is null || country is null || postalCode is null
            ? null
            : new PostalAddress(street, houseNumber, box, postalCode, city, country);
    }

    private static string? Country(string? value, FieldErrors errors)
    {
        var text = RequiredText(value, "address.country", "Choose the country.", 2, errors)?.ToUpperInvariant();
        if (text is not null && (text.Length != 2 || !PhoneNumberRule.IsKnownCountry(text)))
        {
            errors.Add("address.country", "Give the country as its two-letter code, e.g. BE.");
            return null;
        }
        return text;
    }

    private static string? Phone(string? value, string country, FieldErrors errors)
    {
        var text = OptionalText(value, "phone", PhoneNumberRule.MaxInputLength, errors);
        if (text is null)
        {
            return null;
        }
        var e164 = PhoneNumberRule.ToE164(text, country);
        if (e164 is null)
        {
            errors.Add("phone", "Enter a phone number that can be called, e.g. +32 470 12 34 56.");
        }
        return e164;
    }

    private static AccountType? AccountTypeOf(AccountType? value, FieldErrors errors)
    {
        if (value is not { } type || !Enum.IsDefined(type))
        {
            errors.Add("accountType", "Choose Consumer or Pro.");
            return null;
        }
        return type;
    }

    private static string? VatNumber(string? value, AccountType? accountType, FieldErrors errors)
    {
        var text = OptionalText(value, "vatNumber", VatNumberRule.MaxInputLength, errors);
        if (accountType == AccountType.Consumer && text is not null)
        {
            // O1: the VAT number is collected from Pro accounts only.
            errors.Add("vatNumber", "Only Pro accounts have a VAT number; leave it empty or choose Pro.");
            return null;
        }
        if (accountType != AccountType.Pro)
        {
            return null;
        }
        if (text is null)
        {
            if (value is null || value.Length <= VatNumberRule.MaxInputLength)
            {
                errors.Add("vatNumber", "A Pro account needs its VAT or enterprise number.");
            }
            return null;
        }
        var normalised = VatNumberRule.Normalise(text, out var problem);
        if (normalised is null)
        {
            errors.Add("vatNumber", problem ?? "This VAT number is not valid.");
        }
        return normalised;
    }

    private static int? PolicyVersion(int? value, bool required, FieldErrors errors)
    {
        if (value is null)
        {
            if (required)
            {
                errors.Add("acceptedPolicyVersion", "Accept the privacy policy to open an account.");
            }
            return null;
        }
        if (value is < 1 or > HighestPolicyVersion)
        {
            errors.Add("acceptedPolicyVersion", NotAPolicyVersion);
            return null;
        }
        return value;
    }

    /// <summary>Trimmed text, or null with a field error when missing, too long or holding control characters.</summary>
    private static string? RequiredText(string? value, string field, string missing, int maxLength, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, missing);
            return null;
        }
        return CheckedText(value, field, maxLength, errors);
    }

    /// <summary>Trimmed text, or null when absent (empty counts as absent), too long or holding control characters.</summary>
    private static string? OptionalText(string? value, string field, int maxLength, FieldErrors errors) =>
        string.IsNullOrWhiteSpace(value) ? null : CheckedText(value, field, maxLength, errors);

    private static string? CheckedText(string value, string field, int maxLength, FieldErrors errors)
    {
        // Measured before trimming too, so that a megabyte of spaces is refused without work.
        if (value.Length > maxLength * 4)
        {
            errors.Add(field, $"At most {maxLength} characters.");
            return null;
        }
        var text = value.Trim();
        if (text.Length > maxLength)
        {
            errors.Add(field, $"At most {maxLength} characters.");
            return null;
        }
        if (text.Any(char.IsControl))
        {
            errors.Add(field, "Remove line breaks and other control characters.");
            return null;
        }
        return text;
    }
}
