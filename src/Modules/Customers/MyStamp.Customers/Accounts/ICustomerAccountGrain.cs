using MyStamp.Customers.EmailIndex;

namespace MyStamp.Customers.Accounts;

/// <summary>What the module itself asks of a customer's account: sign-in and the e-mail index's question.</summary>
[Alias("mystamp.customers.customer-sign-in")]
internal interface ICustomerAccountGrain : IEmailHolderGrain
{
    /// <summary>Marks the address verified when <paramref name="emailKey"/> is still the customer's; false otherwise.</summary>
    Task<bool> ConfirmEmail(string emailKey);

    /// <summary>Mails a password-reset link; nothing when no account exists under this id.</summary>
    Task SendPasswordReset();

    /// <summary>Sets a new password through a reset link's token; returns the new session version.</summary>
    Task<int> ResetPassword(string token, string newPassword);
}
