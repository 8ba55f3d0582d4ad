namespace MyStamp.Studio.Contracts;

/// <summary>
/// One stamp design: a cleaned photo, a stamp format and a crop, owned by one customer and moderated
/// by an admin. The key is a random id chosen at upload. Other modules use only the methods below.
/// </summary>
[Alias("mystamp.studio.design")]
public interface IDesignGrain : IGrainWithGuidKey
{
    /// <summary>What other modules need to know of a design, or null when no design has this id (or it was erased).</summary>
    Task<DesignSummary?> GetSummary();

    /// <summary>Tells the design that an order uses it: an ordered design is kept with the order, not cleaned up as unused.</summary>
    Task MarkOrdered(Guid orderId);
}

/// <summary>Where a design stands in moderation: only approved designs can be ordered.</summary>
public enum DesignStatus
{
    PendingReview = 0,
    Approved = 1,
    Rejected = 2,
}

/// <summary>The stamp formats the studio offers (sizes in the Studio module's README section).</summary>
public enum StampFormat
{
    SmallPortrait = 0,
    Landscape = 1,
    Square = 2,
}

/// <summary>A design as other modules see it.</summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.studio.design-summary")]
public sealed record DesignSummary(
    [property: Id(0)] Guid DesignId,
    [property: Id(1)] Guid OwnerId,
    [property: Id(2)] DesignStatus Status,
    [property: Id(3)] StampFormat Format,
    [property: Id(4)] DateTimeOffset UploadedAt);
