using Microsoft.AspNetCore.Identity;

namespace MyStamp.Customers.Accounts;

/// <summary>
/// Password hashing with the framework's <see cref="PasswordHasher{TUser}"/> (PBKDF2, salted, versioned
/// format). Passwords are never stored or logged in clear.
/// </summary>
internal sealed class Passwords
{
    private readonly PasswordHasher<Passwords> _hasher = new();
    private readonly Lazy<string> _dummyHash;

    public Passwords()
    {
        _dummyHash = new Lazy<string>(() => _hasher.HashPassword(this, Guid.NewGuid().ToString("N")));
    }

    public string Hash(string password) => _hasher.HashPassword(this, password);

    public bool Verify(string hash, string password) =>
        _hasher.VerifyHashedPassword(this, hash, password) != PasswordVerificationResult.Failed;

    /// <summary>
    /// Spends the time of one verification without an account, so that a sign-in with an unknown
    /// e-mail address takes as long as one with a wrong password.
    /// </summary>
    public void VerifyAgainstNothing(string password) => _ = Verify(_dummyHash.Value, password);
}
