namespace MyStamp.Customers.Contracts;

/// <summary>
/// Everything stored about a customer: exactly the categories the policy lists (O1), and the language they chose
/// (for pages and e-mails; Dutch for an account stored before languages existed).
/// </summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.customers.customer-profile")]
public sealed record CustomerProfile(
    [property: Id(0)] Guid CustomerId,
    [property: Id(1)] string FirstName,
    [property: Id(2)] string LastName,
    [property: Id(3)] string Email,
    [property: Id(4)] string Gender,
    [property: Id(5)] DateOnly? BirthDate,
    [property: Id(6)] string? Phone,
    [property: Id(7)] PostalAddress Address,
    [property: Id(8)] AccountType AccountType,
    [property: Id(9)] string? VatNumber,
    [property: Id(10)] int AcceptedPolicyVersion,
    [property: Id(11)] DateTimeOffset RegisteredAt,
    [property: Id(12)] CustomerLanguage Language = CustomerLanguage.Dutch)
{
    /// <summary>Whether the address was confirmed through its mailed link; only a verified customer may order.</summary>
    [Id(20)] public bool EmailVerified { get; init; }

    /// <summary>Personal data: only the id may appear in logs.</summary>
    public override string ToString() => $"CustomerProfile {{ CustomerId = {CustomerId} }}";
}
