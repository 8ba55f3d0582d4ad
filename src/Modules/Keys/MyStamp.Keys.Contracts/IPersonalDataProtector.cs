namespace MyStamp.Keys.Contracts;

/// <summary>
/// Personal data at rest is ciphertext under a key of its data subject (a customer, a requester without an
/// account, …), and erasing the subject destroys that key (crypto-shredding, DESIGN.md "Personal data at rest").
/// Every module seals what it stores about a person with this service and opens it when it reads it back.
/// </summary>
public interface IPersonalDataProtector
{
    /// <summary>
    /// Encrypts <paramref name="plaintext"/> under <paramref name="subject"/>'s data key (created on first use)
    /// into a versioned envelope (see the Keys module's README section). <paramref name="purpose"/> is bound to
    /// the ciphertext (e.g. "studio-blob"): an envelope sealed for one purpose does not open for another.
    /// </summary>
    Task<byte[]> Seal(Guid subject, ReadOnlyMemory<byte> plaintext, string purpose);

    /// <summary>
    /// Decrypts an envelope made by <see cref="Seal"/>; null when its subject's key was destroyed (the subject
    /// was erased): what is left of them is unreadable, which is the point.
    /// </summary>
    Task<byte[]?> Open(ReadOnlyMemory<byte> envelope, string purpose);

    /// <summary>
    /// Destroys <paramref name="subject"/>'s data key in the key store, then in every node's cache of keys.
    /// From then on nothing sealed under it opens anywhere: rows, dead tuples, WAL, replicas, backups. Idempotent.
    /// A later <see cref="Seal"/> for the same subject creates a new key.
    /// </summary>
    Task DestroyKey(Guid subject);

    /// <summary>
    /// Destroys many subjects' keys at once: one statement in the key store and one call per node to evict the
    /// nodes' cached copies, however many subjects (the retention sweep's batches). Idempotent.
    /// </summary>
    Task DestroyKeys(IReadOnlyCollection<Guid> subjects);

    /// <summary>
    /// Loads these subjects' keys into this node's cache with one query, before a batch reads their data (the
    /// retention sweep): the reads then cost no call to the key store each. Subjects without a key are skipped.
    /// </summary>
    Task WarmUp(IReadOnlyCollection<Guid> subjects);
}

/// <summary>
/// Marks a grain state class as personal data: the grain storage seals the whole state under the subject's key.
/// </summary>
public interface IPersonalState
{
    /// <summary>Whose data the state is; null means the grain's own Guid key (e.g. a customer's own grain).</summary>
    Guid? DataSubject { get; }
}

/// <summary>
/// Opens personal grain states from their stored rows without activating the grains: the retention sweep reads a whole
/// batch of customers with one query instead of one storage read each.
/// </summary>
public interface ISealedStates
{
    /// <summary>
    /// The state a stored row's payload holds (<c>payloadbinary</c> of a state written by the sealing grain storage
    /// under <paramref name="stateName"/>), as the grain would read it. Null when it cannot tell: a row written before
    /// states were sealed, or one whose subject's key is gone; read those through the grain storage.
    /// </summary>
    Task<T?> Open<T>(string stateName, byte[] storedPayload) where T : class, IPersonalState;
}

/// <summary>Compacts the small key table (the nightly purge): destroyed keys leave its files and the log.</summary>
public interface IKeyStoreCompaction
{
    Task<bool> Compact(CancellationToken cancellationToken);
}
