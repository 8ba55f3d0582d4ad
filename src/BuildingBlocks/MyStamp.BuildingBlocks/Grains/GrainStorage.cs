namespace MyStamp.BuildingBlocks.Grains;

/// <summary>Names shared by every module's grains.</summary>
public static class GrainStorage
{
    /// <summary>The PostgreSQL grain storage provider. Each grain type still picks its own state name.</summary>
    public const string Name = "postgres";
}
