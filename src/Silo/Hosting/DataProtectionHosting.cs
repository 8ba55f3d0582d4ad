using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace MyStamp.Silo.Hosting;

/// <summary>
/// One Data Protection key ring for the whole cluster, in PostgreSQL. The framework's default keeps the keys
/// in the home folder of the user running the node: nodes on one machine happen to share them, but behind a
/// load balancer a node on another machine would refuse every cookie the first one issued (sign-in,
/// antiforgery), and its customers would be signed out on each fail-over.
/// </summary>
internal static class DataProtectionHosting
{
    /// <summary>The same on every node, whatever folder it runs from (the default is the content root path).</summary>
    public const string ApplicationName = "MyStamp";

    public static IServiceCollection AddClusterDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddOptions<KeyManagementOptions>().Configure<NpgsqlDataSource>((options, dataSource) =>
            options.XmlRepository = new PostgresKeyRepository(dataSource));
        return services;
    }
}

/// <summary>
/// The key ring's storage: table <c>data_protection_keys</c> (migration 0006). The framework calls it seldom
/// (at start-up, when a key is created, and when it refreshes its cached ring, about once a day), and
/// synchronously.
/// </summary>
internal sealed class PostgresKeyRepository(NpgsqlDataSource dataSource) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var command = dataSource.CreateCommand("SELECT xml FROM data_protection_keys ORDER BY id");
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read())
        {
            elements.Add(XElement.Parse(reader.GetString(0)));
        }
        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        // The framework names each key uniquely ("key-<id>"): storing the same element twice changes nothing.
        using var command = dataSource.CreateCommand(
            "INSERT INTO data_protection_keys (friendly_name, xml) VALUES ($1, $2) ON CONFLICT (friendly_name) DO NOTHING");
        command.Parameters.Add(new NpgsqlParameter { Value = friendlyName });
        command.Parameters.Add(new NpgsqlParameter { Value = element.ToString(SaveOptions.DisableFormatting) });
        command.ExecuteNonQuery();
    }
}
