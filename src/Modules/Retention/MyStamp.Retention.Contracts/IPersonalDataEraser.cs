namespace MyStamp.Retention.Contracts;

/// <summary>
/// The one erasure path (O7): each module erases what it keeps about a customer (grains, read-model rows,
/// outbox rows, audit rows) without the Customers module knowing that module's implementation. Every module
/// that keeps such data registers one in DI; the customer's erasure calls them all, after it destroyed the
/// customer's data key (so everything they delete was unreadable already).
/// </summary>
public interface IPersonalDataEraser
{
    /// <summary>A name for logs and progress records, e.g. "orders-overview".</summary>
    string Name { get; }

    /// <summary>
    /// Deletes everything this module keeps about the customer. Idempotent: erasing a customer that has nothing
    /// left (already erased, or never had anything) succeeds and changes nothing.
    /// </summary>
    Task EraseCustomer(ErasedCustomer customer, CancellationToken cancellationToken = default);

    /// <summary>
    /// Erases many customers at once, for the nightly sweep: a module that can should delete its rows for the whole
    /// batch with one statement per table (<c>WHERE id = ANY(...)</c>) and activate no grain just to erase it. The
    /// default erases them one by one. Idempotent like <see cref="EraseCustomer"/>.
    /// </summary>
    async Task EraseCustomers(IReadOnlyList<ErasedCustomer> customers, CancellationToken cancellationToken = default)
    {
        foreach (var customer in customers)
        {
            await EraseCustomer(customer, cancellationToken);
        }
    }
}

/// <summary>
/// A customer being erased, with the ids the customer's own record names, so that each module finds its
/// grains without a query. <paramref name="Source"/> is the name of the erasure's source
/// (<c>ErasureSource</c>: reminder, sweep or request), for the modules' own counts.
/// </summary>
public sealed record ErasedCustomer(Guid CustomerId, IReadOnlyList<Guid> OrderIds, IReadOnlyList<Guid> DesignIds, string Source);
