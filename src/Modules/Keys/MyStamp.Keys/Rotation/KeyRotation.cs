using Microsoft.Extensions.Logging;
using MyStamp.Keys.DataKeys;

namespace MyStamp.Keys.Rotation;

/// <summary>
/// Re-wraps every data key with the current KEK (Keys:CurrentKekId). Only the wrapping changes: the data keys,
/// and so every sealed row, stay as they are. Resumable: each batch is one transaction that changes a row only if
/// it is still wrapped as read, and a rerun simply continues with the rows not yet wrapped by the current KEK.
/// The cluster keeps running meanwhile, as long as its nodes accept both KEKs (README, "Rotating the KEK").
/// </summary>
internal sealed partial class KeyRotation(KeyStore store, KeyEncryptionKeys keks, ILogger<KeyRotation> logger)
{
    public const int BatchSize = 500;

    /// <summary>Re-wraps until no key is wrapped by another KEK; returns how many keys it re-wrapped.</summary>
    public async Task<int> Run(IProgress<int>? progress = null, CancellationToken cancellationToken = default, int batchSize = BatchSize)
    {
        var total = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = await store.NotWrappedBy(keks.CurrentId, batchSize, cancellationToken);
            if (batch.Count == 0)
            {
                LogDone(total, keks.CurrentId);
                return total;
            }
            var rewrapped = batch.Select(old =>
            {
                var dataKey = keks.Unwrap(old.Subject, old.KekId, old.Wrapped);
                var fresh = new WrappedKey(old.Subject, keks.CurrentId, keks.Wrap(old.Subject, dataKey));
                System.Security.Cryptography.CryptographicOperations.ZeroMemory(dataKey);
                return (old, fresh);
            }).ToList();
            total += await store.Rewrap(rewrapped, cancellationToken);
            progress?.Report(total);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "KEK rotation: {Count} data keys re-wrapped; every key is now wrapped by {KekId}")]
    private partial void LogDone(int count, string kekId);
}
