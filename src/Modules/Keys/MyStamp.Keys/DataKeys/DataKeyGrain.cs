using System.Security.Cryptography;

namespace MyStamp.Keys.DataKeys;

/// <summary>
/// One data subject's key, keyed by the subject's id. Its single activation in the cluster is the only place
/// the key is kept unwrapped, so destroying it here and in the key store destroys every copy.
/// </summary>
[Alias("mystamp.keys.data-key")]
internal interface IDataKeyGrain : IGrainWithGuidKey
{
    /// <summary>The subject's key, created (and stored wrapped) on first use.</summary>
    [Alias("get-or-create")]
    Task<byte[]> GetOrCreate();

    /// <summary>The subject's key, or null when it was destroyed or never made.</summary>
    [Alias("find")]
    Task<byte[]?> Find();

    /// <summary>Deletes the key from the key store and from memory. Idempotent.</summary>
    [Alias("destroy")]
    Task Destroy();
}

internal sealed class DataKeyGrain(KeyStore store, KeyEncryptionKeys keks) : Grain, IDataKeyGrain
{
    private byte[]? _key;
    private bool _looked;

    private Guid Subject => this.GetPrimaryKey();

    public async Task<byte[]> GetOrCreate()
    {
        if (await Find() is { } key)
        {
            return key;
        }
        // (Find hands out a copy: the caller's array is never the one this activation zeroes when it forgets the key.)
        var fresh = RandomNumberGenerator.GetBytes(KeyEncryptionKeys.DataKeySize);
        var stored = await store.Add(new WrappedKey(Subject, keks.CurrentId, keks.Wrap(Subject, fresh)));
        _key = keks.Unwrap(Subject, stored.KekId, stored.Wrapped);
        _looked = true;
        CryptographicOperations.ZeroMemory(fresh);
        return _key.ToArray();
    }

    public async Task<byte[]?> Find()
    {
        if (!_looked)
        {
            var stored = await store.Find(Subject);
            _key = stored is null ? null : keks.Unwrap(Subject, stored.KekId, stored.Wrapped);
            _looked = true;
        }
        return _key?.ToArray();
    }

    public async Task Destroy()
    {
        // The row first: if it fails, the key stays usable and the erasure is retried, never half-done in memory only.
        await store.Delete(Subject);
        Forget();
        _looked = true;
        DeactivateOnIdle();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        Forget();
        return Task.CompletedTask;
    }

    private void Forget()
    {
        if (_key is not null)
        {
            CryptographicOperations.ZeroMemory(_key);
            _key = null;
        }
    }
}
