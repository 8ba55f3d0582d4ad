using System.ComponentModel.DataAnnotations;

namespace MyStamp.Silo.Database;

/// <summary>Where PostgreSQL is. Bound from the "Database" section (env: Database__ConnectionString).</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    [Required]
    public string ConnectionString { get; set; } = "";
}
