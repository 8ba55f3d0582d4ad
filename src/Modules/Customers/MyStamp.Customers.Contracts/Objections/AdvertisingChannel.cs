namespace MyStamp.Customers.Contracts;

/// <summary>The channels through which non-personalised advertising may reach a customer (policy § 3).</summary>
public enum AdvertisingChannel
{
    Post = 0,
    Email = 1,
    Phone = 2,
    AdPlatforms = 3,
    Onsite = 4,
}
