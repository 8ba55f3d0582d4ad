using System.Security.Cryptography;
using System.Text;

namespace MyStamp.BuildingBlocks.Hashing;

/// <summary>
/// Turns personal data that must be looked up (an e-mail address) into a keyed hash that can serve as a
/// grain key or index row without revealing the value: HMAC-SHA256 with a secret from configuration.
/// </summary>
public sealed class LookupKeyHasher
{
    private readonly byte[] _secret;

    public LookupKeyHasher(byte[] secret)
    {
        if (secret.Length < 32)
        {
            throw new ArgumentException("The look-up key secret must be at least 32 bytes.", nameof(secret));
        }
        _secret = secret;
    }

    /// <summary>Hex-encoded HMAC of the value, prefixed by its purpose so two kinds of key never collide.</summary>
    public string Hash(string purpose, string normalisedValue)
    {
        var bytes = HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes($"{purpose}\n{normalisedValue}"));
        return Convert.ToHexStringLower(bytes);
    }
}
