using System.Security.Cryptography;
using System.Text;

namespace MyStamp.Keys.Envelopes;

/// <summary>
/// The envelope personal data is stored in: AES-256-GCM under the subject's data key (BCL <see cref="AesGcm"/>).
/// <code>
/// byte 0        format version (1)
/// bytes 1-16    the data subject's id (a Guid, .NET byte order): which key opens it; not secret
/// bytes 17-24   key id: the first 8 bytes of HMAC-SHA256(data key, "mystamp-key-id"), telling a key destroyed
///               since (the subject got a new one) from a damaged envelope; reveals nothing of the key
/// bytes 25-36   nonce (12 random bytes; a data key seals at most a few thousand values, far from GCM's limit)
/// bytes 37-52   authentication tag (16 bytes)
/// bytes 53-     ciphertext, as long as the plaintext
/// </code>
/// Associated data: bytes 0-24 and the purpose in UTF-8 (e.g. "state:customer", "studio-blob:…"), so an
/// envelope moved to another subject or another use does not open.
/// </summary>
public static class SealedEnvelope
{
    public const byte Version = 1;
    private const int SubjectSize = 16;
    private const int KeyIdSize = 8;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int NonceAt = 1 + SubjectSize + KeyIdSize;
    private const int TagAt = NonceAt + NonceSize;
    public const int HeaderSize = TagAt + TagSize;

    /// <summary>True when <paramref name="envelope"/> starts like an envelope of a known version.</summary>
    public static bool LooksSealed(ReadOnlySpan<byte> envelope) => envelope.Length >= HeaderSize && envelope[0] == Version;

    public static Guid SubjectOf(ReadOnlySpan<byte> envelope) =>
        LooksSealed(envelope) ? new Guid(envelope.Slice(1, SubjectSize)) : throw new CryptographicException("Not a sealed envelope of a known version.");

    internal static byte[] Seal(Guid subject, ReadOnlySpan<byte> key, ReadOnlySpan<byte> plaintext, string purpose)
    {
        var envelope = new byte[HeaderSize + plaintext.Length];
        envelope[0] = Version;
        subject.TryWriteBytes(envelope.AsSpan(1, SubjectSize));
        KeyId(key).CopyTo(envelope.AsSpan(1 + SubjectSize, KeyIdSize));
        var nonce = envelope.AsSpan(NonceAt, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, envelope.AsSpan(HeaderSize), envelope.AsSpan(TagAt, TagSize), AssociatedData(envelope, purpose));
        return envelope;
    }

    /// <summary>
    /// Opens an envelope; null when it was sealed under an earlier key of the subject (destroyed since); throws
    /// <see cref="CryptographicException"/> when it was altered, or sealed for another purpose.
    /// </summary>
    internal static byte[]? Open(ReadOnlySpan<byte> key, ReadOnlySpan<byte> envelope, string purpose)
    {
        if (!LooksSealed(envelope))
        {
            throw new CryptographicException("Not a sealed envelope of a known version.");
        }
        if (!CryptographicOperations.FixedTimeEquals(KeyId(key), envelope.Slice(1 + SubjectSize, KeyIdSize)))
        {
            return null;
        }
        var plaintext = new byte[envelope.Length - HeaderSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(envelope.Slice(NonceAt, NonceSize), envelope[HeaderSize..], envelope.Slice(TagAt, TagSize), plaintext, AssociatedData(envelope, purpose));
        return plaintext;
    }

    private static byte[] KeyId(ReadOnlySpan<byte> key) => HMACSHA256.HashData(key, "mystamp-key-id"u8)[..KeyIdSize];

    private static byte[] AssociatedData(ReadOnlySpan<byte> envelope, string purpose) =>
        [.. envelope[..NonceAt], .. Encoding.UTF8.GetBytes(purpose)];
}
