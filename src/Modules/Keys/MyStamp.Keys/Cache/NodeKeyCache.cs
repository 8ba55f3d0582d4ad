using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace MyStamp.Keys.Cache;

/// <summary>
/// This node's unwrapped data keys, so that a personal grain's reads and writes cost no call beyond its own row
/// while it is active (issue 14). Keys are forgotten (zeroed) after <see cref="IdleLifetime"/> without use, and at
/// once when a key is destroyed anywhere in the cluster: <see cref="KeyEviction"/> calls <see cref="Evict"/> on
/// every node before an erasure deletes a single row.
/// <para>
/// A look-up that was under way while an eviction arrived (its key read from the store just before the row was
/// deleted) must not put the destroyed key back: every eviction bumps <see cref="_evictions"/> and leaves a
/// tombstone with that number, and <see cref="Add"/> keeps a key only if no tombstone of its subject is newer
/// than the look-up's start.
/// </para>
/// </summary>
internal sealed class NodeKeyCache : IDisposable
{
    /// <summary>Longer than Orleans' default idle collection of an activation (15 minutes): a grain active on this node keeps its key.</summary>
    public static readonly TimeSpan IdleLifetime = TimeSpan.FromMinutes(20);

    /// <summary>Longer than any call that could still bring back a key read before its eviction (Orleans' response timeout is 30 s).</summary>
    private static readonly TimeSpan TombstoneLifetime = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<Guid, Entry> _keys = new();
    private readonly ConcurrentDictionary<Guid, Tombstone> _tombstones = new();
    private readonly TimeProvider _clock;
    private readonly ITimer _pruning;
    private long _evictions;

    public NodeKeyCache()
        : this(TimeProvider.System)
    {
    }

    // The real clock on purpose: a test's fake clock jumping years ahead must not empty the cache mid-request.
    internal NodeKeyCache(TimeProvider clock)
    {
        _clock = clock;
        _pruning = clock.CreateTimer(_ => Prune(), null, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
    }

    public int Count => _keys.Count;

    /// <summary>Where a look-up starts: pass it to <see cref="Add"/> with the key it found.</summary>
    public long LookupStarted() => Interlocked.Read(ref _evictions);

    /// <summary>A copy of the subject's key, when this node holds it.</summary>
    public byte[]? Find(Guid subject)
    {
        if (!_keys.TryGetValue(subject, out var entry))
        {
            return null;
        }
        entry.LastUsed = _clock.GetTimestamp();
        var copy = entry.Key.ToArray();
        // Removed (and zeroed) while copying: the copy may hold zeros, so it is no key.
        return _keys.TryGetValue(subject, out var still) && ReferenceEquals(still, entry) ? copy : null;
    }

    /// <summary>Keeps a copy of <paramref name="key"/> unless the subject's key was evicted since <paramref name="lookupStarted"/>.</summary>
    public void Add(Guid subject, byte[] key, long lookupStarted)
    {
        if (_tombstones.TryGetValue(subject, out var tombstone) && tombstone.Eviction > lookupStarted)
        {
            return;
        }
        var entry = new Entry(key.ToArray()) { LastUsed = _clock.GetTimestamp() };
        if (!_keys.TryAdd(subject, entry))
        {
            CryptographicOperations.ZeroMemory(entry.Key);
            return;
        }
        // An eviction that ran between the check above and the add: take the key out again.
        if (_tombstones.TryGetValue(subject, out tombstone) && tombstone.Eviction > lookupStarted)
        {
            Remove(subject);
        }
    }

    /// <summary>Forgets these subjects' keys on this node, and refuses keys of theirs that look-ups under way bring back.</summary>
    public void Evict(IEnumerable<Guid> subjects)
    {
        var eviction = Interlocked.Increment(ref _evictions);
        var now = _clock.GetTimestamp();
        foreach (var subject in subjects)
        {
            _tombstones[subject] = new Tombstone(eviction, now);
            Remove(subject);
        }
    }

    private void Remove(Guid subject)
    {
        if (_keys.TryRemove(subject, out var entry))
        {
            CryptographicOperations.ZeroMemory(entry.Key);
        }
    }

    internal void Prune()
    {
        foreach (var (subject, entry) in _keys)
        {
            if (_clock.GetElapsedTime(entry.LastUsed) > IdleLifetime)
            {
                Remove(subject);
            }
        }
        foreach (var (subject, tombstone) in _tombstones)
        {
            if (_clock.GetElapsedTime(tombstone.At) > TombstoneLifetime)
            {
                _tombstones.TryRemove(new KeyValuePair<Guid, Tombstone>(subject, tombstone));
            }
        }
    }

    public void Dispose()
    {
        _pruning.Dispose();
        foreach (var subject in _keys.Keys)
        {
            Remove(subject);
        }
    }

    private sealed class Entry(byte[] key)
    {
        public byte[] Key { get; } = key;

        public long LastUsed { get; set; }
    }

    private sealed record Tombstone(long Eviction, long At);
}
