namespace MyStamp.Customers.Contracts;

/// <summary>How an objection reached us: online by the customer, or a signed postal request recorded by an admin.</summary>
public enum ObjectionSource
{
    Online = 0,
    SignedPostalRequest = 1,
}
