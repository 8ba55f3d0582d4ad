namespace MyStamp.Orders.Contracts;

/// <summary>How long a node's subscription to a customer's feed lasts, and how often nodes renew it.</summary>
public static class OrderFeedTiming
{
    /// <summary>A subscription not renewed for this long is dropped (its node is presumed gone).</summary>
    public static readonly TimeSpan SubscriptionLifetime = TimeSpan.FromMinutes(2);

    /// <summary>How often a node renews the subscriptions of the customers connected to it.</summary>
    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(30);
}
