using MyStamp.Customers.Contracts;

namespace MyStamp.Web.Account;

/// <summary>POST /api/account/register. Every field may be missing here: the module reports what is wrong, field by field.</summary>
public sealed record RegisterRequest(
    string? FirstName,
    string? LastName,
    string? Email,
    string? Password,
    string? Gender,
    DateOnly? BirthDate,
    string? Phone,
    AddressRequest? Address,
    AccountType? AccountType,
    string? VatNumber,
    int? AcceptedPolicyVersion)
{
    /// <param name="language">The language of the request the customer registered with.</param>
    public RegisterCustomer ToCommand(CustomerLanguage language) => new(
        new ProfileInput(FirstName, LastName, Email, Gender, BirthDate, Phone, Address?.ToInput(), AccountType, VatNumber, AcceptedPolicyVersion),
        Password,
        language);

    public override string ToString() => "RegisterRequest { redacted }";
}

/// <summary>PUT /api/account/me: the registration fields minus the password.</summary>
public sealed record ProfileRequest(
    string? FirstName,
    string? LastName,
    string? Email,
    string? Gender,
    DateOnly? BirthDate,
    string? Phone,
    AddressRequest? Address,
    AccountType? AccountType,
    string? VatNumber,
    int? AcceptedPolicyVersion)
{
    public ProfileInput ToInput() => new(FirstName, LastName, Email, Gender, BirthDate, Phone, Address?.ToInput(), AccountType, VatNumber, AcceptedPolicyVersion);

    public override string ToString() => "ProfileRequest { redacted }";
}

public sealed record AddressRequest(string? Street, string? HouseNumber, string? Box, string? PostalCode, string? City, string? Country)
{
    public AddressInput ToInput() => new(Street, HouseNumber, Box, PostalCode, City, Country);

    public override string ToString() => "AddressRequest { redacted }";
}

/// <summary>POST /api/account/login.</summary>
public sealed record LoginRequest(string? Email, string? Password)
{
    public override string ToString() => "LoginRequest { redacted }";
}

/// <summary>Body of POST /api/account/password.</summary>
public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword)
{
    public override string ToString() => "ChangePasswordRequest { redacted }";
}

/// <summary>PUT /api/account/language: "Dutch", "French", "German" or "English".</summary>
public sealed record LanguageRequest(CustomerLanguage? Language);

/// <summary>201 answer of registration.</summary>
public sealed record RegisteredResponse(Guid CustomerId);

/// <summary>200 answer of sign-in: who signed in and with which roles.</summary>
public sealed record SignedInResponse(Guid CustomerId, AccountType? AccountType, IReadOnlyList<string> Roles);

/// <summary>GET/PUT /api/account/me: everything stored about the customer (O1 categories, policy version, objections).</summary>
public sealed record ProfileResponse(
    Guid CustomerId,
    string FirstName,
    string LastName,
    string Email,
    string Gender,
    DateOnly? BirthDate,
    string? Phone,
    AddressResponse Address,
    AccountType AccountType,
    string? VatNumber,
    int AcceptedPolicyVersion,
    DateTimeOffset RegisteredAt,
    IReadOnlyList<ObjectionResponse> Objections,
    CustomerLanguage Language)
{
    public static ProfileResponse From(CustomerAccount account)
    {
        var p = account.Profile;
        return new ProfileResponse(
            p.CustomerId, p.FirstName, p.LastName, p.Email, p.Gender, p.BirthDate, p.Phone,
            new AddressResponse(p.Address.Street, p.Address.HouseNumber, p.Address.Box, p.Address.PostalCode, p.Address.City, p.Address.Country),
            p.AccountType, p.VatNumber, p.AcceptedPolicyVersion, p.RegisteredAt,
            account.Objections.Select(o => new ObjectionResponse(o.Channel, o.Since, o.Source)).ToList(),
            p.Language)
        {
            EmailVerified = p.EmailVerified,
        };
    }

    /// <summary>Whether the address was confirmed through its mailed link; only then may the customer order.</summary>
    public bool EmailVerified { get; init; }

    public override string ToString() => $"ProfileResponse {{ CustomerId = {CustomerId} }}";
}

public sealed record AddressResponse(string Street, string HouseNumber, string? Box, string PostalCode, string City, string Country)
{
    public override string ToString() => "AddressResponse { redacted }";
}

public sealed record ObjectionResponse(AdvertisingChannel Channel, DateTimeOffset Since, ObjectionSource Source);
