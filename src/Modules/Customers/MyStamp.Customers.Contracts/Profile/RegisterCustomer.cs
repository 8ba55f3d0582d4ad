namespace MyStamp.Customers.Contracts;

/// <summary>
/// A registration: the profile plus the password chosen (hashed by the grain, never stored in clear), and the
/// language the customer registered in (the web edge takes it from the request's culture).
/// </summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.customers.register-customer")]
public sealed record RegisterCustomer(
    [property: Id(0)] ProfileInput Profile,
    [property: Id(1)] string? Password,
    [property: Id(2)] CustomerLanguage Language = CustomerLanguage.Dutch)
{
    /// <summary>Personal data and a password: never logged.</summary>
    public override string ToString() => "RegisterCustomer { redacted }";
}
