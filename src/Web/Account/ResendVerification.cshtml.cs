using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using MyStamp.BuildingBlocks.Errors;
using MyStamp.Customers.Contracts;

using MyStamp.Web.Security;

namespace MyStamp.Web.Account;

/// <summary>The "send the link again" button of the profile and the order page: a new verification mail for a signed-in, unverified customer.</summary>
[Authorize]
[EnableRateLimiting(AccountRateLimits.PasswordReset)]
public sealed class ResendVerificationModel(IGrainFactory grains) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Account/Profile");

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        try
        {
            await grains.GetGrain<ICustomerGrain>(User.CallerIdOrNull()!.Value).ResendEmailVerification();
        }
        catch (DomainException failure) when (failure.Kind == DomainErrorKind.Conflict)
        {
            // Verified meanwhile (another browser followed the link): the profile says so.
        }
        // The order page asks to come back to itself; any other caller lands on the profile, which says a link was sent.
        if (LocalRedirects.Target(Url, returnUrl) is { } target)
        {
            return LocalRedirect(target);
        }
        return RedirectToPage("/Account/Profile", new { verificationSent = true });
    }
}
