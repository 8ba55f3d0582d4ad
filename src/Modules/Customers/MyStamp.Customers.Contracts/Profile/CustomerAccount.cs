namespace MyStamp.Customers.Contracts;

/// <summary>What a customer can read back about themselves: the profile and their objections.</summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.customers.customer-account")]
public sealed record CustomerAccount(
    [property: Id(0)] CustomerProfile Profile,
    [property: Id(1)] IReadOnlyList<ObjectionRecord> Objections)
{
    /// <summary>Personal data: only the id may appear in logs.</summary>
    public override string ToString() => $"CustomerAccount {{ CustomerId = {Profile.CustomerId} }}";
}
