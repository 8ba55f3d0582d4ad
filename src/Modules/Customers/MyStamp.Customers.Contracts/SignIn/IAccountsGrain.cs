using Orleans.Concurrency;

namespace MyStamp.Customers.Contracts;

/// <summary>
/// Sign-in and look-ups by e-mail address. A stateless worker: call it with key 0. E-mail addresses
/// are looked up through a keyed hash, never stored as a key.
/// </summary>
[Alias("mystamp.customers.accounts")]
public interface IAccountsGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Checks an e-mail address and password. Null when they do not match, when the address is
    /// unknown, or while the account is locked after repeated failures: callers cannot tell which.
    /// </summary>
    Task<SignedInAccount?> SignIn(SignInAttempt attempt);

    /// <summary>The customer holding this e-mail address (any case, surrounding spaces ignored), or null.</summary>
    Task<Guid?> FindCustomerByEmail(string email);

    /// <summary>
    /// Follows a verification link: true once its token verified the address it was mailed to; false for a token that
    /// is unknown, used, expired, or was mailed to an address the customer has since changed.
    /// </summary>
    Task<bool> VerifyEmail(string token);

    /// <summary>
    /// Mails a password-reset link to the account holding this address, if there is one. One-way: the caller's answer
    /// and its time are the same whether the address has an account or not.
    /// </summary>
    [OneWay]
    Task RequestPasswordReset(string email);

    /// <summary>
    /// Sets a new password through a reset link's token (single use, one hour): 400 on <c>token</c> when the link is
    /// not valid (any more), 400 on <c>newPassword</c> when the password breaks the rule (the link stays usable).
    /// Ends every session of the account. Returns the account, to sign this browser in with the new session version.
    /// </summary>
    Task<SignedInAccount> ResetPassword(string token, string newPassword);
}
