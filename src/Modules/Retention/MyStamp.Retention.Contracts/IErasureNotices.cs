namespace MyStamp.Retention.Contracts;

/// <summary>
/// The erasure notices, queued in the one mail outbox (<c>mail_outbox</c>): the e-mail telling a customer, thirty days
/// ahead, that their data will be erased unless they order again. A row holds the e-mail address, so it is
/// personal data: deleted once delivered, and deleted with the customer's erasure in any case (O7).
/// </summary>
public interface IErasureNotices
{
    /// <summary>Queues the notice for delivery; queuing the same notice twice queues it once.</summary>
    Task Enqueue(ErasureNotice notice);
}

/// <summary>One notice to send.</summary>
/// <param name="EraseOn">The day the data will be erased.</param>
/// <param name="Language">The customer's language (nl, fr, de, en); Dutch when unknown.</param>
public sealed record ErasureNotice(Guid CustomerId, string Email, DateTimeOffset EraseOn, string? Language = null)
{
    /// <summary>Holds an e-mail address: never logged.</summary>
    public override string ToString() => $"ErasureNotice {{ CustomerId = {CustomerId}, EraseOn = {EraseOn:yyyy-MM-dd} }}";
}
