namespace MyStamp.Customers.Contracts;

/// <summary>An e-mail address and password offered at sign-in.</summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.customers.sign-in-attempt")]
public sealed record SignInAttempt(
    [property: Id(0)] string Email,
    [property: Id(1)] string Password)
{
    /// <summary>Personal data and a password: never logged.</summary>
    public override string ToString() => "SignInAttempt { redacted }";
}
