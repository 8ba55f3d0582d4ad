namespace MyStamp.BuildingBlocks.Grains;

/// <summary>Names shared by every module's grains.</summary>
public static class GrainStorage
{
    /// <summary>The PostgreSQL grain storage provider. Each grain type still picks its own state name.</summary>
    public const string Name = "postgres";

    private const string NewGrainKey = "mystamp.new-grain";

    /// <summary>
    /// Tells the storage, for calls made until the scope is disposed, that the grain with this id was just minted by
    /// the caller (a fresh <see cref="Guid.CreateVersion7()"/>): its activation has no row to read, so the storage
    /// skips the read. Safe if the hint were wrong: the first write then finds a row it did not expect and fails.
    /// Only the grain with exactly this id is concerned, not the grains it calls in turn.
    /// </summary>
    public static IDisposable CallingNewGrain(Guid grainId)
    {
        RequestContext.Set(NewGrainKey, grainId);
        return new NewGrainScope();
    }

    /// <summary>Whether the caller said the grain with this id is brand new (see <see cref="CallingNewGrain"/>).</summary>
    public static bool IsNewGrain(Guid grainId) => RequestContext.Get(NewGrainKey) is Guid announced && announced == grainId;

    private sealed class NewGrainScope : IDisposable
    {
        public void Dispose() => RequestContext.Remove(NewGrainKey);
    }
}
