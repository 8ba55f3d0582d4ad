using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using MyStamp.Customers.Contracts;
using MyStamp.Web.Security;

namespace MyStamp.Web.Account;

[EnableRateLimiting(AccountRateLimits.SignIn)]
public sealed class LoginModel(IGrainFactory grains, Microsoft.Extensions.Localization.IStringLocalizer<Languages.ShopText> text) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var account = await grains.GetGrain<IAccountsGrain>(0).SignIn(new SignInAttempt(Email ?? "", Password ?? ""));
        if (account is null)
        {
            Problem = text["The e-mail address or password is not right, or the account is locked for a while after too many attempts."];
            return Page();
        }
        await AccountClaims.SignIn(HttpContext, account);
        if (LocalRedirects.Target(Url, ReturnUrl) is { } target)
        {
            return LocalRedirect(target);
        }
        return account.IsAdmin ? LocalRedirect("/") : RedirectToPage("/Account/Profile");
    }
}
