using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
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
/// The keys are encrypted at rest with an X.509 certificate from configuration (<c>DataProtection:CertificatePath</c>
/// and <c>DataProtection:KeyPath</c>, PEM; <c>./mystamp</c> makes a self-signed one in <c>.data/</c>): whoever reads
/// the table, a backup or a replica cannot forge a cookie without the certificate's private key.
/// </summary>
internal static class DataProtectionHosting
{
    /// <summary>The same on every node, whatever folder it runs from (the default is the content root path).</summary>
    public const string ApplicationName = "MyStamp";

    public const string CertificatePathSetting = "DataProtection:CertificatePath";
    public const string KeyPathSetting = "DataProtection:KeyPath";

    public static IServiceCollection AddClusterDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        // Read here, not lazily: a node without a usable certificate must not start (and must not write a key in clear).
        var certificate = LoadCertificate(configuration);
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .ProtectKeysWithCertificate(certificate)
            .UnprotectKeysWithAnyCertificate(certificate);
        services.AddOptions<KeyManagementOptions>().Configure<NpgsqlDataSource>((options, dataSource) =>
            options.XmlRepository = new PostgresKeyRepository(dataSource));
        return services;
    }

    /// <summary>The certificate and its private key, checked: present, readable, RSA (what XML encryption uses), in date.</summary>
    public static X509Certificate2 LoadCertificate(IConfiguration configuration)
    {
        var certificatePath = configuration[CertificatePathSetting];
        var keyPath = configuration[KeyPathSetting];
        if (string.IsNullOrWhiteSpace(certificatePath) || string.IsNullOrWhiteSpace(keyPath))
        {
            throw new InvalidOperationException(
                $"{CertificatePathSetting} and {KeyPathSetting} must name the PEM certificate and private key that encrypt the cookie keys at rest (./mystamp makes one in .data/; see the README, \"Web security\").");
        }
        X509Certificate2 certificate;
        try
        {
            certificate = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            throw new InvalidOperationException($"The Data Protection certificate ({CertificatePathSetting}, {KeyPathSetting}) cannot be read: {exception.Message}", exception);
        }
        if (certificate.GetRSAPrivateKey() is null)
        {
            throw new InvalidOperationException($"The Data Protection certificate ({CertificatePathSetting}) must have an RSA key.");
        }
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        if (now < certificate.NotBefore.ToUniversalTime() || now > certificate.NotAfter.ToUniversalTime())
        {
            throw new InvalidOperationException($"The Data Protection certificate ({CertificatePathSetting}) is valid from {certificate.NotBefore:u} to {certificate.NotAfter:u} only.");
        }
        return certificate;
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
