using MyStamp.Privacy.Contracts;
using Npgsql;

namespace MyStamp.Privacy.Policy;

/// <summary>
/// The policy versions in PostgreSQL. Version 1 is the policy revised on 17 July 2023, embedded in this
/// assembly and inserted the first time the versions are read.
/// </summary>
internal sealed class PolicyStore(NpgsqlDataSource dataSource)
{
    public static readonly DateOnly SeedRevisedOn = new(2023, 7, 17);
    private const string SeedResource = "MyStamp.Privacy.Policy.privacy-policy.nl.txt";
    private volatile bool _seeded;

    public static string SeedText()
    {
        using var stream = typeof(PolicyStore).Assembly.GetManifestResourceStream(SeedResource)
            ?? throw new InvalidOperationException("The seed privacy policy is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Trim();
    }

    public async Task<IReadOnlyList<PolicyVersion>> All()
    {
        await EnsureSeeded();
        await using var command = dataSource.CreateCommand("SELECT version, revised_on, effective_from, language, text FROM privacy_policy_versions ORDER BY version DESC");
        return await Read(command);
    }

    public async Task<PolicyVersion?> Get(int version)
    {
        await EnsureSeeded();
        await using var command = dataSource.CreateCommand("SELECT version, revised_on, effective_from, language, text FROM privacy_policy_versions WHERE version = @version");
        command.Parameters.AddWithValue("version", version);
        return (await Read(command)).SingleOrDefault();
    }

    public async Task<PolicyVersion> Current()
    {
        await EnsureSeeded();
        await using var command = dataSource.CreateCommand("SELECT version, revised_on, effective_from, language, text FROM privacy_policy_versions ORDER BY version DESC LIMIT 1");
        return (await Read(command)).Single();
    }

    /// <summary>Publishes the version <paramref name="next"/> computes from the current one, serialised by a table lock.</summary>
    public async Task<PolicyVersion> Publish(Func<PolicyVersion, PolicyVersion> next, Guid publishedBy)
    {
        await EnsureSeeded();
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE privacy_policy_versions IN SHARE ROW EXCLUSIVE MODE", connection, transaction))
        {
            await lockTable.ExecuteNonQueryAsync();
        }
        PolicyVersion current;
        await using (var select = new NpgsqlCommand("SELECT version, revised_on, effective_from, language, text FROM privacy_policy_versions ORDER BY version DESC LIMIT 1", connection, transaction))
        {
            current = (await Read(select)).Single();
        }
        var version = next(current);
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO privacy_policy_versions (version, revised_on, effective_from, language, text, published_by)
            VALUES (@version, @revised_on, @effective_from, @language, @text, @published_by)
            """, connection, transaction))
        {
            insert.Parameters.AddWithValue("version", version.Version);
            insert.Parameters.AddWithValue("revised_on", version.RevisedOn);
            insert.Parameters.AddWithValue("effective_from", version.EffectiveFrom.ToUniversalTime());
            insert.Parameters.AddWithValue("language", version.Language);
            insert.Parameters.AddWithValue("text", version.Text);
            insert.Parameters.AddWithValue("published_by", publishedBy);
            await insert.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
        return version;
    }

    private async Task EnsureSeeded()
    {
        if (_seeded)
        {
            return;
        }
        // Version 1 took effect when it was published on its revision date, 17 July 2023 (Brussels time).
        var effectiveFrom = new DateTimeOffset(2023, 7, 17, 0, 0, 0, TimeSpan.FromHours(2)).ToUniversalTime();
        await using var command = dataSource.CreateCommand("""
            INSERT INTO privacy_policy_versions (version, revised_on, effective_from, language, text)
            VALUES (1, @revised_on, @effective_from, 'nl', @text)
            ON CONFLICT (version) DO NOTHING
            """);
        command.Parameters.AddWithValue("revised_on", SeedRevisedOn);
        command.Parameters.AddWithValue("effective_from", effectiveFrom);
        command.Parameters.AddWithValue("text", SeedText());
        await command.ExecuteNonQueryAsync();
        _seeded = true;
    }

    private static async Task<IReadOnlyList<PolicyVersion>> Read(NpgsqlCommand command)
    {
        var versions = new List<PolicyVersion>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            versions.Add(new PolicyVersion(
                reader.GetInt32(0),
                reader.GetFieldValue<DateOnly>(1),
                reader.GetFieldValue<DateTimeOffset>(2),
                reader.GetString(3),
                reader.GetString(4)));
        }
        return versions;
    }
}
