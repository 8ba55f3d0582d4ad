using MyStamp.BuildingBlocks.Hashing;
using MyStamp.Customers.Profile;

namespace MyStamp.Customers.EmailIndex;

/// <summary>
/// The key of an e-mail address in the index: HMAC-SHA256 of its normal form with the secret
/// <c>Security:LookupKeySecret</c>. The address itself is never a key, so neither grain ids in
/// PostgreSQL nor reminder rows reveal it.
/// </summary>
internal sealed class EmailKeys(LookupKeyHasher hasher)
{
    private const string Purpose = "customers.email";

    public string For(string email) => hasher.Hash(Purpose, EmailAddressRule.Normalise(email));
}
