using MyStamp.Keys.Contracts;

namespace MyStamp.Retention.Purge;

/// <summary>
/// Makes erased subjects' keys leave the disk (O7). Personal data is stored sealed under its subject's data key,
/// and an erasure destroys the key before it deletes the rows: what a DELETE leaves behind (dead tuples, the
/// write-ahead log, replicas, backups) is ciphertext that nothing opens any more. So the big tables are never
/// rewritten (no VACUUM FULL, no table lock: autovacuum reclaims their space as usual); only the small key table
/// is compacted, with a checkpoint and a switch of the key store's write-ahead log, so that the destroyed keys
/// themselves leave its files. Runs after a sweep when something was erased since the previous purge.
/// </summary>
internal sealed class PhysicalPurge(IKeyStoreCompaction keyStore)
{
    public Task<bool> Run(CancellationToken cancellationToken) => keyStore.Compact(cancellationToken);
}
