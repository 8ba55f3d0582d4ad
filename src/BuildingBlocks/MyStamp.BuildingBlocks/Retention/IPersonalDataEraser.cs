namespace MyStamp.BuildingBlocks.Retention;

/// <summary>
/// Lets each module erase what it keeps about a customer outside its grains (read-model rows, outbox rows,
/// audit rows) without the Customers module knowing that module's implementation. Every module that keeps
/// such rows registers one in DI; the customer's erasure calls them all (O7).
/// </summary>
public interface IPersonalDataEraser
{
    /// <summary>A name for logs and progress records, e.g. "orders-overview".</summary>
    string Name { get; }

    /// <summary>
    /// Deletes every row this module keeps about the customer. Idempotent: erasing a customer that has no
    /// rows left (already erased, or never had any) succeeds and changes nothing.
    /// </summary>
    Task EraseCustomer(Guid customerId, CancellationToken cancellationToken = default);
}
