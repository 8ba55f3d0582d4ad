namespace MyStamp.Customers.Contracts;

/// <summary>
/// One customer: owns their personal data, account type, objections and retention state. The key is a
/// random id chosen at registration, never personal data. Other modules use only the methods below.
/// </summary>
[Alias("mystamp.customers.customer")]
public interface ICustomerGrain : IGrainWithGuidKey
{
    /// <summary>The customer's profile, or null when no account exists under this id (never registered, or erased).</summary>
    Task<CustomerProfile?> GetProfile();

    /// <summary>
    /// Tells the customer that an order was placed: the last order is where the three-year retention
    /// counts from (O7). Returns the customer's erasure deadline after the change.
    /// </summary>
    Task<DateTimeOffset> RecordOrderPlaced(Guid orderId, DateTimeOffset placedAt);

    /// <summary>Tells the customer that they uploaded a design, so that erasure can find its photos (O7).</summary>
    Task RecordDesignUploaded(Guid designId);

    /// <summary>The customer's orders, newest first.</summary>
    Task<IReadOnlyList<Guid>> GetOrderIds();

    /// <summary>The customer's designs, newest first.</summary>
    Task<IReadOnlyList<Guid>> GetDesignIds();

    /// <summary>The advertising channels the customer objects to (O4); empty when none.</summary>
    Task<IReadOnlySet<AdvertisingChannel>> GetObjections();

    /// <summary>Records an objection to advertising through the given channels; effective at once and absolute (O4).</summary>
    Task ObjectTo(IReadOnlyList<AdvertisingChannel> channels, ObjectionSource source);
}

/// <summary>A consumer or a business (Pro) account; Pro accounts carry a VAT/enterprise number.</summary>
public enum AccountType
{
    Consumer = 0,
    Pro = 1,
}

/// <summary>The channels through which non-personalised advertising may reach a customer (policy § 3).</summary>
public enum AdvertisingChannel
{
    Post = 0,
    Email = 1,
    Phone = 2,
    AdPlatforms = 3,
    Onsite = 4,
}

/// <summary>How an objection reached us: online by the customer, or a signed postal request recorded by an admin.</summary>
public enum ObjectionSource
{
    Online = 0,
    SignedPostalRequest = 1,
}

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

/// <summary>Everything stored about a customer: exactly the categories the policy lists (O1).</summary>
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
    [property: Id(11)] DateTimeOffset RegisteredAt)
{
    /// <summary>Personal data: only the id may appear in logs.</summary>
    public override string ToString() => $"CustomerProfile {{ CustomerId = {CustomerId} }}";
}
