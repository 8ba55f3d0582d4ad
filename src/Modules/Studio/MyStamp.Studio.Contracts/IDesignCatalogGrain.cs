namespace MyStamp.Studio.Contracts;

/// <summary>
/// Lists designs from the design catalog (a read model in PostgreSQL that holds no personal data, kept up to date by
/// each design): a customer's "my designs" and the admins' moderation queue, each in one call. Stateless: use key 0.
/// </summary>
[Alias("mystamp.studio.design-catalog")]
public interface IDesignCatalogGrain : IGrainWithIntegerKey
{
    /// <summary>A customer's designs, newest upload first, at most <paramref name="limit"/> (capped at 1,000).</summary>
    Task<IReadOnlyList<DesignView>> ListForOwner(Guid ownerId, int limit);

    /// <summary>Designs with the given status, oldest upload first, at most <paramref name="limit"/> (capped at 200).</summary>
    Task<IReadOnlyList<DesignView>> ListByStatus(DesignStatus status, int limit);
}
