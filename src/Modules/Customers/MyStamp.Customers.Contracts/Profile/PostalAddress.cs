namespace MyStamp.Customers.Contracts;

/// <summary>A postal address, as the policy lists it: street, house number, box, postal code, city, country.</summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.customers.postal-address")]
public sealed record PostalAddress(
    [property: Id(0)] string Street,
    [property: Id(1)] string HouseNumber,
    [property: Id(2)] string? Box,
    [property: Id(3)] string PostalCode,
    [property: Id(4)] string City,
    [property: Id(5)] string Country)
{
    /// <summary>Personal data: never logged.</summary>
    public override string ToString() => "PostalAddress { redacted }";
}
