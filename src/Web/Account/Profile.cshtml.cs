using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyStamp.Customers.Contracts;
using MyStamp.Retention.Contracts;
using MyStamp.Web.Security;

namespace MyStamp.Web.Account;

[Authorize]
public sealed class ProfileModel(IGrainFactory grains) : PageModel
{
    public CustomerAccount? Account { get; private set; }

    /// <summary>O7: when the customer's data will be erased unless they order again.</summary>
    public DateTimeOffset? EraseOn { get; private set; }

    [BindProperty(SupportsGet = true)]
    public bool Registered { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Updated { get; set; }

    /// <summary>Set after a new verification link was mailed (see ResendVerification) or a password was reset by link.</summary>
    [BindProperty(SupportsGet = true)]
    public bool VerificationSent { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool PasswordReset { get; set; }

    public async Task OnGetAsync()
    {
        var customer = grains.GetGrain<ICustomerGrain>(User.CallerIdOrNull()!.Value);
        Account = await customer.GetAccount();
        EraseOn = Account is null ? null : await customer.AsReference<IRetentionSubject>().GetRetentionDeadline();
    }
}
