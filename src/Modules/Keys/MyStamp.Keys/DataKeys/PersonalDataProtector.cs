using System.Security.Cryptography;
using MyStamp.Keys.Cache;
using MyStamp.Keys.Contracts;
using MyStamp.Keys.Envelopes;

namespace MyStamp.Keys.DataKeys;

/// <summary>
/// Seals and opens personal data with the subject's key. The key comes from this node's <see cref="NodeKeyCache"/>
/// when it holds it (the hot path: no call at all), else from the key store (one query, then cached). Destroying
/// deletes the rows first, then evicts the keys from every node's cache (<see cref="KeyEviction"/>).
/// </summary>
internal sealed class PersonalDataProtector(KeyStore store, KeyEncryptionKeys keks, NodeKeyCache cache, KeyEviction eviction) : IPersonalDataProtector
{
    public async Task<byte[]> Seal(Guid subject, ReadOnlyMemory<byte> plaintext, string purpose)
    {
        var key = cache.Find(subject) ?? await Load(subject, create: true) ?? throw new InvalidOperationException("A data key could not be created.");
        try
        {
            return SealedEnvelope.Seal(subject, key, plaintext.Span, purpose);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    public async Task<byte[]?> Open(ReadOnlyMemory<byte> envelope, string purpose)
    {
        var subject = SealedEnvelope.SubjectOf(envelope.Span);
        if ((cache.Find(subject) ?? await Load(subject, create: false)) is not { } key)
        {
            return null;
        }
        try
        {
            return SealedEnvelope.Open(key, envelope.Span, purpose);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    public Task DestroyKey(Guid subject) => DestroyKeys([subject]);

    public async Task DestroyKeys(IReadOnlyCollection<Guid> subjects)
    {
        if (subjects.Count == 0)
        {
            return;
        }
        // The rows first: from their deletion no node can load the keys again; then every node's cached copy.
        await store.Delete(subjects);
        await eviction.EvictEverywhere(subjects);
    }

    public async Task WarmUp(IReadOnlyCollection<Guid> subjects)
    {
        var started = cache.LookupStarted();
        foreach (var stored in await store.FindMany(subjects))
        {
            var key = keks.Unwrap(stored.Subject, stored.KekId, stored.Wrapped);
            cache.Add(stored.Subject, key, started);
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private async Task<byte[]?> Load(Guid subject, bool create)
    {
        var started = cache.LookupStarted();
        var stored = await store.Find(subject);
        if (stored is null && create)
        {
            var fresh = RandomNumberGenerator.GetBytes(KeyEncryptionKeys.DataKeySize);
            // Another node may have created it meanwhile: the store keeps the first and hands it back.
            stored = await store.Add(new WrappedKey(subject, keks.CurrentId, keks.Wrap(subject, fresh)));
            CryptographicOperations.ZeroMemory(fresh);
        }
        if (stored is null)
        {
            return null;
        }
        var key = keks.Unwrap(subject, stored.KekId, stored.Wrapped);
        cache.Add(subject, key, started);
        return key;
    }
}
