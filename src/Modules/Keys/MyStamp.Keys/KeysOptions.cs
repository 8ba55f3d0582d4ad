using System.Text.RegularExpressions;
using Npgsql;

namespace MyStamp.Keys;

/// <summary>
/// The key store's settings, bound from the "Keys" section (env: <c>Keys__ConnectionString</c>,
/// <c>Keys__CurrentKekId</c>, <c>Keys__Keks__&lt;id&gt;</c>). The key-encryption keys (KEKs) come from
/// configuration only: never from the database, so that a copy of both databases still opens nothing.
/// </summary>
public sealed partial class KeysOptions
{
    public const string Section = "Keys";

    /// <summary>
    /// The key store's own database. Unset: the database beside the data's on the same server, named after it
    /// with <c>_keys</c> (./mystamp makes it; a node creates it when missing). In production give it its own.
    /// </summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Set when <see cref="ConnectionString"/> was derived from the data's: the node may create that database.</summary>
    internal bool CreateDatabaseIfMissing { get; set; }

    /// <summary>Fills in the default key store beside the data database, when none is configured.</summary>
    public void UseDatabaseBeside(string dataConnectionString)
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString) || string.IsNullOrWhiteSpace(dataConnectionString))
        {
            return;
        }
        var builder = new NpgsqlConnectionStringBuilder(dataConnectionString);
        builder.Database = (builder.Database ?? "mystamp") + "_keys";
        ConnectionString = builder.ConnectionString;
        CreateDatabaseIfMissing = true;
    }

    /// <summary>The KEK that wraps new data keys, and that a rotation re-wraps every data key with.</summary>
    public string CurrentKekId { get; set; } = "";

    /// <summary>Every KEK this node accepts, by id: base64 of 32 random bytes. During a rotation the old one stays until no key uses it.</summary>
    public Dictionary<string, string> Keks { get; set; } = new(StringComparer.Ordinal);

    /// <summary>What is wrong with the settings, for start-up validation; empty when they are good. Never names a key's value.</summary>
    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return $"{Section}:ConnectionString is required (the key store's database).";
        }
        if (Keks.Count == 0)
        {
            yield return $"{Section}:Keks needs at least one key-encryption key ({Section}__Keks__<id>=<base64 of 32 random bytes>).";
        }
        if (!Keks.ContainsKey(CurrentKekId))
        {
            yield return $"{Section}:CurrentKekId must name one of {Section}:Keks.";
        }
        foreach (var (id, value) in Keks)
        {
            if (!KekId().IsMatch(id))
            {
                yield return $"{Section}:Keks: a KEK id must be 1-40 letters, digits, '-' or '_'.";
            }
            if (Decode(value) is null)
            {
                yield return $"{Section}:Keks:{id} must be base64 of exactly 32 random bytes.";
            }
        }
    }

    internal static byte[]? Decode(string value)
    {
        var buffer = new byte[64];
        return Convert.TryFromBase64String(value.Trim(), buffer, out var written) && written == 32 ? buffer[..32] : null;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,40}$")]
    private static partial Regex KekId();
}
