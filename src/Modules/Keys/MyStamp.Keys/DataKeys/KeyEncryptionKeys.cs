using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace MyStamp.Keys.DataKeys;

/// <summary>
/// The key-encryption keys (KEKs) from configuration, and the wrapping of data keys with them (AES-256-GCM).
/// A wrapped key, as stored in <c>data_keys.wrapped</c> beside the id of the KEK that wrapped it:
/// <code>
/// byte 0       format version (1)
/// bytes 1-12   nonce (random)
/// bytes 13-28  authentication tag
/// bytes 29-60  the data key, encrypted
/// </code>
/// The associated data binds the wrapped key to its subject and its KEK id, so a row copied onto another
/// subject or relabelled with another KEK does not unwrap.
/// </summary>
internal sealed class KeyEncryptionKeys
{
    public const byte Version = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    public const int DataKeySize = 32;
    public const int WrappedSize = 1 + NonceSize + TagSize + DataKeySize;

    private readonly Dictionary<string, byte[]> _keks;

    public KeyEncryptionKeys(IOptions<KeysOptions> options)
        : this(options.Value)
    {
    }

    public KeyEncryptionKeys(KeysOptions options)
    {
        if (options.Problems().FirstOrDefault() is { } problem)
        {
            throw new OptionsValidationException(KeysOptions.Section, typeof(KeysOptions), [problem]);
        }
        _keks = options.Keks.ToDictionary(pair => pair.Key, pair => KeysOptions.Decode(pair.Value)!, StringComparer.Ordinal);
        CurrentId = options.CurrentKekId;
    }

    /// <summary>The KEK new data keys are wrapped with.</summary>
    public string CurrentId { get; }

    public bool Knows(string kekId) => _keks.ContainsKey(kekId);

    public byte[] Wrap(Guid subject, ReadOnlySpan<byte> dataKey) => Wrap(subject, dataKey, CurrentId);

    public byte[] Wrap(Guid subject, ReadOnlySpan<byte> dataKey, string kekId)
    {
        if (dataKey.Length != DataKeySize)
        {
            throw new ArgumentException("A data key is 32 bytes.", nameof(dataKey));
        }
        var wrapped = new byte[WrappedSize];
        wrapped[0] = Version;
        var nonce = wrapped.AsSpan(1, NonceSize);
        var tag = wrapped.AsSpan(1 + NonceSize, TagSize);
        var ciphertext = wrapped.AsSpan(1 + NonceSize + TagSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(Kek(kekId), TagSize);
        aes.Encrypt(nonce, dataKey, ciphertext, tag, AssociatedData(subject, kekId));
        return wrapped;
    }

    /// <summary>Unwraps a data key; throws <see cref="CryptographicException"/> when the row was tampered with or the KEK is wrong.</summary>
    public byte[] Unwrap(Guid subject, string kekId, ReadOnlySpan<byte> wrapped)
    {
        if (wrapped.Length != WrappedSize || wrapped[0] != Version)
        {
            throw new CryptographicException("A wrapped data key of an unknown format.");
        }
        var dataKey = new byte[DataKeySize];
        using var aes = new AesGcm(Kek(kekId), TagSize);
        aes.Decrypt(wrapped.Slice(1, NonceSize), wrapped.Slice(1 + NonceSize + TagSize), wrapped.Slice(1 + NonceSize, TagSize), dataKey, AssociatedData(subject, kekId));
        return dataKey;
    }

    private byte[] Kek(string kekId) =>
        _keks.TryGetValue(kekId, out var kek)
            ? kek
            : throw new CryptographicException($"The data key is wrapped by the key-encryption key '{kekId}', which this node is not configured with (Keys:Keks).");

    private static byte[] AssociatedData(Guid subject, string kekId) =>
        [.. "mystamp-data-key/1|"u8, .. subject.ToByteArray(), .. Encoding.UTF8.GetBytes("|" + kekId)];
}
