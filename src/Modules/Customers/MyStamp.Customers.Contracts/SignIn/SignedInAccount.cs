namespace MyStamp.Customers.Contracts;

/// <summary>Who signed in: the account id (the customer id for customers) and what they may do.</summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.customers.signed-in-account")]
/// <param name="SessionVersion">The session version the sign-in cookie is issued for (customers; see <see cref="ICustomerGrain.EndSessions"/>).</param>
/// <param name="Language">The customer's stored language, which the interface switches to on signing in; none for admins.</param>
public sealed record SignedInAccount(
    [property: Id(0)] Guid AccountId,
    [property: Id(1)] bool IsAdmin,
    [property: Id(2)] AccountType? AccountType,
    [property: Id(3)] int SessionVersion = 0,
    [property: Id(4)] CustomerLanguage? Language = null);
