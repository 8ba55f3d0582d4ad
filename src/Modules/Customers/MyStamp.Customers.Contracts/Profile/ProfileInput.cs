namespace MyStamp.Customers.Contracts;

/// <summary>
/// The profile fields as typed by the user (registration or rectification), before validation. The
/// module validates and normalises them; a missing required field is a field error, not an exception.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.customers.profile-input")]
public sealed record ProfileInput(
    [property: Id(0)] string? FirstName,
    [property: Id(1)] string? LastName,
    [property: Id(2)] string? Email,
    [property: Id(3)] string? Gender,
    [property: Id(4)] DateOnly? BirthDate,
    [property: Id(5)] string? Phone,
    [property: Id(6)] AddressInput? Address,
    [property: Id(7)] AccountType? AccountType,
    [property: Id(8)] string? VatNumber,
    [property: Id(9)] int? AcceptedPolicyVersion)
{
    /// <summary>Personal data: never logged.</summary>
    public override string ToString() => "ProfileInput { redacted }";
}
