using System.Globalization;
using MyStamp.Customers.Contracts;

namespace MyStamp.Web.Account;

/// <summary>The profile fields of the register and edit forms, exactly as typed (so a failed post shows them again).</summary>
public sealed class ProfileForm
{
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Email { get; set; }
    public string? Gender { get; set; }
    public string? BirthDate { get; set; }
    public string? Phone { get; set; }
    public string? Street { get; set; }
    public string? HouseNumber { get; set; }
    public string? Box { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }
    public string? Country { get; set; } = "BE";
    public string? AccountType { get; set; } = nameof(Customers.Contracts.AccountType.Consumer);
    public string? VatNumber { get; set; }

    /// <summary>English; the page translates it like the module's messages.</summary>
    public const string BirthDateUnreadable = "Enter the birth date as year-month-day, e.g. 1990-04-23.";

    public static readonly IReadOnlyList<(string Value, string Label)> Genders =
        [("Female", "Female"), ("Male", "Male"), ("Other", "Other"), ("PreferNotToSay", "Prefer not to say")];

    public static readonly IReadOnlyList<(string Code, string Name)> Countries =
    [
        ("BE", "Belgium"), ("NL", "Netherlands"), ("LU", "Luxembourg"), ("FR", "France"), ("DE", "Germany"),
        ("AT", "Austria"), ("DK", "Denmark"), ("ES", "Spain"), ("FI", "Finland"), ("IE", "Ireland"), ("IT", "Italy"),
        ("PL", "Poland"), ("PT", "Portugal"), ("SE", "Sweden"), ("CH", "Switzerland"), ("GB", "United Kingdom"),
    ];

    /// <summary>What the module validates. A birth date the form cannot read is a field error of its own.</summary>
    public ProfileInput ToInput(int? acceptedPolicyVersion, Dictionary<string, string[]> formErrors)
    {
        DateOnly? birthDate = null;
        if (!string.IsNullOrWhiteSpace(BirthDate))
        {
            if (DateOnly.TryParseExact(BirthDate.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                birthDate = parsed;
            }
            else
            {
                formErrors["birthDate"] = [BirthDateUnreadable];
            }
        }
        AccountType? accountType = Enum.TryParse<AccountType>(AccountType, ignoreCase: true, out var type) && Enum.IsDefined(type) ? type : null;
        return new ProfileInput(FirstName, LastName, Email, Gender, birthDate, Phone,
            new AddressInput(Street, HouseNumber, Box, PostalCode, City, Country),
            accountType, VatNumber, acceptedPolicyVersion);
    }

    public static ProfileForm From(CustomerProfile profile) => new()
    {
        FirstName = profile.FirstName,
        LastName = profile.LastName,
        Email = profile.Email,
        Gender = profile.Gender,
        BirthDate = profile.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Phone = profile.Phone,
        Street = profile.Address.Street,
        HouseNumber = profile.Address.HouseNumber,
        Box = profile.Address.Box,
        PostalCode = profile.Address.PostalCode,
        City = profile.Address.City,
        Country = profile.Address.Country,
        AccountType = profile.AccountType.ToString(),
        VatNumber = profile.VatNumber,
    };

    public override string ToString() => "ProfileForm { redacted }";
}

/// <summary>What the shared field partial needs: the typed values and the errors keyed by API field name.</summary>
public sealed record ProfileFieldsModel(ProfileForm Form, IReadOnlyDictionary<string, string[]> Errors)
{
    public string? ErrorFor(string field) => FieldErrorText.For(Errors, field);

    /// <summary>"true" while the field has an error, else null (the attribute is left out).</summary>
    public string? Invalid(string field) => FieldErrorText.Invalid(Errors, field);
}
