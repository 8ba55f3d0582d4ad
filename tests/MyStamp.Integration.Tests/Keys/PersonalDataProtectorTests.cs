using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MyStamp.Integration.Tests.Infrastructure;
using MyStamp.Keys.Contracts;
using MyStamp.Keys.Envelopes;

namespace MyStamp.Integration.Tests.Keys;

/// <summary>
/// The envelope personal data is stored in (README, "Keys and backups"): it opens only for its subject's current
/// key and its purpose, an altered byte is refused, and once the key is destroyed nothing sealed under it opens,
/// not even after the subject got a new key.
/// </summary>
public sealed class PersonalDataProtectorTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private IPersonalDataProtector Protector => fixture.Node.Services.GetRequiredService<IPersonalDataProtector>();

    [Fact]
    public async Task Sealed_data_opens_for_its_purpose_only_and_an_altered_byte_is_refused()
    {
        var subject = Guid.NewGuid();
        var plaintext = Encoding.UTF8.GetBytes($"Marieke Verhelst {subject}");
        var envelope = await Protector.Seal(subject, plaintext, "test:purpose");

        Assert.Equal(subject, SealedEnvelope.SubjectOf(envelope));
        Assert.Equal(-1, envelope.AsSpan().IndexOf(plaintext.AsSpan(0, 16)));
        Assert.Equal(plaintext, await Protector.Open(envelope, "test:purpose"));
        await Assert.ThrowsAnyAsync<CryptographicException>(() => Protector.Open(envelope, "test:other-purpose"));
        var altered = envelope.ToArray();
        altered[^1] ^= 1;
        await Assert.ThrowsAnyAsync<CryptographicException>(() => Protector.Open(altered, "test:purpose"));
        // The same data sealed twice differs (a fresh nonce each time).
        Assert.NotEqual(envelope, await Protector.Seal(subject, plaintext, "test:purpose"));
    }

    [Fact]
    public async Task Once_the_key_is_destroyed_nothing_sealed_under_it_opens_even_after_a_new_key()
    {
        // O7
        var subject = Guid.NewGuid();
        var old = await Protector.Seal(subject, "Rue de la Loi 16"u8.ToArray(), "test:address");

        await Protector.DestroyKey(subject);
        Assert.Null(await Protector.Open(old, "test:address"));

        var fresh = await Protector.Seal(subject, "Wetstraat 16"u8.ToArray(), "test:address");
        Assert.Equal("Wetstraat 16"u8.ToArray(), await Protector.Open(fresh, "test:address"));
        Assert.Null(await Protector.Open(old, "test:address"));
        await Protector.DestroyKey(subject);
        await Protector.DestroyKey(subject);
        Assert.Null(await Protector.Open(fresh, "test:address"));
    }

    [Fact]
    public void A_node_without_a_valid_key_encryption_key_does_not_start()
    {
        var settings = new Dictionary<string, string?> { ["Keys:CurrentKekId"] = "missing", ["Keys:Keks:short"] = Convert.ToBase64String(new byte[16]) };
        using var node = new MyStampNode(settings: settings);
        var failure = Assert.ThrowsAny<Exception>(() => node.Start());
        Assert.Contains(EnumerateInner(failure), exception => exception is OptionsValidationException);
    }

    private static IEnumerable<Exception> EnumerateInner(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(EnumerateInner))
                {
                    yield return inner;
                }
            }
        }
    }
}
