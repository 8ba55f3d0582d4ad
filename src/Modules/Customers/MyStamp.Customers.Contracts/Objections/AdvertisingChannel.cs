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

/// <summary>How a channel is named to a person: the English text, which each page and document translates as a key.</summary>
public static class AdvertisingChannelNames
{
    public static string English(AdvertisingChannel channel) => channel switch
    {
        AdvertisingChannel.Post => "Post",
        AdvertisingChannel.Email => "E-mail",
        AdvertisingChannel.Phone => "Phone",
        AdvertisingChannel.AdPlatforms => "Advertising platforms (Google, Facebook, …)",
        _ => "On the MyStamp website",
    };
}
