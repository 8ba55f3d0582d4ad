using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MyStamp.Integration.Tests.Infrastructure;
using MyStamp.Silo.Hosting;

namespace MyStamp.Integration.Tests.Platform;

/// <summary>
/// The cookies' keys live in PostgreSQL: a sign-in made on one node holds on every node of the database,
/// wherever it runs, and nowhere else. (Every node of this test shares one machine and one home folder, so
/// only a node on another database can tell the database's key ring from the framework's default folder.)
/// </summary>
public sealed class DataProtectionTests
{
    [Fact]
    public async Task A_sign_in_made_on_one_node_holds_on_the_others_of_its_database_and_nowhere_else()
    {
        var clusterId = MyStampNode.NewClusterId();
        await using var nodeA = new MyStampNode(clusterId).Start();
        await using var nodeB = new MyStampNode(clusterId).Start();
        var elsewhere = await TestDatabase.CreateIsolated("keys");
        try
        {
            await using var otherDatabase = new MyStampNode(connectionString: elsewhere).Start();

            using var customer = await nodeA.NewCustomer();
            using var sameCustomerOnB = customer.On(nodeB);
            Assert.Equal(HttpStatusCode.OK, (await sameCustomerOnB.GetAsync("/api/account/me")).StatusCode);

            var secret = Protector(nodeA).Protect("a cookie's payload");
            Assert.Equal("a cookie's payload", Protector(nodeB).Unprotect(secret));
            Assert.ThrowsAny<CryptographicException>(() => Protector(otherDatabase).Unprotect(secret));
            Assert.True(await TestDatabase.Scalar<long>("SELECT count(*) FROM data_protection_keys") >= 1);
        }
        finally
        {
            await TestDatabase.DropIsolated(elsewhere);
        }
    }

    [Fact]
    public async Task A_database_reader_finds_no_cookie_key_in_clear()
    {
        await using var node = new MyStampNode().Start();
        using var customer = await node.NewCustomer();
        Protector(node).Protect("a cookie's payload");

        var keys = new List<string>();
        await using (var dataSource = TestDatabase.CreateDataSource())
        await using (var command = dataSource.CreateCommand("SELECT xml FROM data_protection_keys WHERE xml LIKE '<key %'"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                keys.Add(reader.GetString(0));
            }
        }

        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
            Assert.Contains("EncryptedXmlDecryptor", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("unencrypted", xml, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void A_node_without_a_usable_certificate_for_the_keys_does_not_start()
    {
        var directory = Directory.CreateTempSubdirectory("mystamp-dp-");
        try
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=expired", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var expired = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddYears(-2), DateTimeOffset.UtcNow.AddDays(-1));
            var certificatePath = Path.Combine(directory.FullName, "cert.pem");
            var keyPath = Path.Combine(directory.FullName, "key.pem");
            File.WriteAllText(certificatePath, expired.ExportCertificatePem());
            File.WriteAllText(keyPath, rsa.ExportPkcs8PrivateKeyPem());

            Assert.Contains(DataProtectionHosting.CertificatePathSetting, Refusal(null, null));
            Assert.Contains("cannot be read", Refusal(Path.Combine(directory.FullName, "missing.pem"), keyPath));
            Assert.Contains("valid from", Refusal(certificatePath, keyPath));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_certificate_the_tests_run_with_is_accepted()
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();

        using var certificate = DataProtectionHosting.LoadCertificate(configuration);

        Assert.True(certificate.HasPrivateKey);
    }

    private static string Refusal(string? certificatePath, string? keyPath)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [DataProtectionHosting.CertificatePathSetting] = certificatePath,
            [DataProtectionHosting.KeyPathSetting] = keyPath,
        }).Build();
        return Assert.Throws<InvalidOperationException>(() => DataProtectionHosting.LoadCertificate(configuration)).Message;
    }

    private static IDataProtector Protector(MyStampNode node) =>
        node.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("MyStamp.Integration.Tests.Platform");
}
