using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using MyStamp.BuildingBlocks.Errors;
using MyStamp.Web.Errors;
using MyStamp.Customers.Contracts;

namespace MyStamp.Web.Account;

/// <summary>
/// Where the reset mail's link leads: a new password, once, within the hour. Setting it signs this browser in and
/// every other session of the account out.
/// </summary>
[EnableRateLimiting(AccountRateLimits.PasswordReset)]
public sealed class ResetPasswordModel(IGrainFactory grains, Languages.DomainText text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        try
        {
            var account = await grains.GetGrain<IAccountsGrain>(0).ResetPassword(Token ?? "", NewPassword ?? "");
            await AccountClaims.SignIn(HttpContext, account);
            return RedirectToPage("/Account/Profile", new { passwordReset = true });
        }
        catch (DomainException failure)
        {
            Errors = FormErrors.From(failure, text).Fields;
            return Page();
        }
    }
}
