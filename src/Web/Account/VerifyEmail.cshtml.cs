using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using MyStamp.Customers.Contracts;

namespace MyStamp.Web.Account;

/// <summary>
/// Where the verification mail's link leads: opening it verifies the address (the link is the proof; it works once,
/// for 48 hours). The token is in the query only; pages send no Referer (Referrer-Policy: no-referrer).
/// </summary>
[EnableRateLimiting(AccountRateLimits.PasswordReset)]
public sealed class VerifyEmailModel(IGrainFactory grains) : PageModel
{
    public bool Verified { get; private set; }

    public async Task OnGetAsync(string? token) =>
        Verified = await grains.GetGrain<IAccountsGrain>(0).VerifyEmail(token ?? "");
}
