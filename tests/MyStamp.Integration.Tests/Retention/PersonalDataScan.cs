using System.Text;
using Npgsql;

namespace MyStamp.Integration.Tests.Retention;

/// <summary>
/// Looks for personal data everywhere it could hide (O7): every column of every table of a database (each
/// value as text; binary payloads searched as bytes and also decoded as UTF-8 and Latin-1 text) and every file
/// under the project's data folder (the PostgreSQL cluster with its table files and write-ahead log, its log).
/// </summary>
public sealed class PersonalDataScan(IReadOnlyList<string> texts, IReadOnlyList<byte[]> binaries)
{
    private static readonly Encoding Latin1 = Encoding.Latin1;

    /// <summary>The project's data folder: <c>.data</c> beside the <c>mystamp</c> script.</summary>
    public static DirectoryInfo DataFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "mystamp")) && Directory.Exists(Path.Combine(folder.FullName, ".data")))
            {
                return new DirectoryInfo(Path.Combine(folder.FullName, ".data"));
            }
        }
        throw new InvalidOperationException("No .data folder found beside the mystamp script.");
    }

    /// <summary>Every "schema.table.column" of the database where one of the values occurs, with the value found.</summary>
    public async Task<IReadOnlyList<string>> ScanDatabase(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var columns = new List<(string Schema, string Table, string Column, string Type)>();
        await using (var command = dataSource.CreateCommand("""
            SELECT c.table_schema, c.table_name, c.column_name, c.data_type
            FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
            WHERE c.table_schema NOT IN ('pg_catalog', 'information_schema')
            ORDER BY 1, 2, c.ordinal_position
            """))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
            }
        }
        Assert.NotEmpty(columns);

        var hits = new List<string>();
        foreach (var (schema, table, column, type) in columns)
        {
            var isBinary = type == "bytea";
            var select = isBinary
                ? $"SELECT \"{column}\" FROM \"{schema}\".\"{table}\" WHERE \"{column}\" IS NOT NULL"
                : $"SELECT \"{column}\"::text FROM \"{schema}\".\"{table}\" WHERE \"{column}\" IS NOT NULL";
            await using var command = dataSource.CreateCommand(select);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var found = isBinary ? FindInBytes(reader.GetFieldValue<byte[]>(0)) : FindInText(reader.GetString(0));
                hits.AddRange(found.Select(value => $"{schema}.{table}.{column}: {value}"));
            }
        }
        return hits;
    }

    /// <summary>Every file under <paramref name="folder"/> where one of the values occurs.</summary>
    public IReadOnlyList<string> ScanFiles(DirectoryInfo folder)
    {
        var hits = new List<string>();
        foreach (var file in folder.EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = false, AttributesToSkip = 0 }))
        {
            byte[] content;
            try
            {
                content = File.ReadAllBytes(file.FullName);
            }
            catch (IOException)
            {
                continue; // a socket, or a file PostgreSQL removed while we listed the folder
            }
            hits.AddRange(FindInBytes(content).Select(value => $"{Path.GetRelativePath(folder.FullName, file.FullName)}: {value}"));
        }
        return hits;
    }

    private IEnumerable<string> FindInText(string text) =>
        texts.Where(value => text.Contains(value, StringComparison.OrdinalIgnoreCase));

    private HashSet<string> FindInBytes(byte[] content)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (binaries.Any(binary => content.AsSpan().IndexOf(binary) >= 0))
        {
            found.Add("bytes of the photo");
        }
        foreach (var value in texts)
        {
            if (content.AsSpan().IndexOf(Encoding.UTF8.GetBytes(value)) >= 0
                || content.AsSpan().IndexOf(Encoding.Unicode.GetBytes(value)) >= 0
                || content.AsSpan().IndexOf(Latin1.GetBytes(value)) >= 0)
            {
                found.Add(value);
            }
        }
        // Decoded as text too, ignoring case: a payload may hold the value in another casing.
        found.UnionWith(FindInText(Encoding.UTF8.GetString(content)));
        found.UnionWith(FindInText(Latin1.GetString(content)));
        return found;
    }
}
