namespace MyStamp.Customers.Contracts;

/// <summary>A postal address as typed by the user, before validation; every part may be missing.</summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.customers.address-input")]
public sealed record AddressInput(
    [property: Id(0)] string? Street,
    [property: Id(1)] string? HouseNumber,
    [property: Id(2)] string? Box,
    [property: Id(3)] string? PostalCode,
    [property: Id(4)] string? City,
    [property: Id(5)] string? Country)
{
    /// <summary>Personal data: never logged.</summary>
    public override string ToString() => "AddressInput { redacted }";
}
