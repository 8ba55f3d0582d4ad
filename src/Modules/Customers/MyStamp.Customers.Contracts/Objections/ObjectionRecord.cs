namespace MyStamp.Customers.Contracts;

/// <summary>An objection to advertising through one channel: since when, and how it reached us (O4).</summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.customers.objection-record")]
public sealed record ObjectionRecord(
    [property: Id(0)] AdvertisingChannel Channel,
    [property: Id(1)] DateTimeOffset Since,
    [property: Id(2)] ObjectionSource Source);
