using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using MyStamp.Customers.Contracts;

namespace MyStamp.Web.Account;

/// <summary>"Forgot password": asks for an address and always answers the same, whether it has an account or not.</summary>
[EnableRateLimiting(AccountRateLimits.PasswordReset)]
public sealed class ForgotPasswordModel(IGrainFactory grains) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public bool Requested { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // One-way: the page answers before the account (if any) is even looked up.
        await grains.GetGrain<IAccountsGrain>(0).RequestPasswordReset(Email ?? "");
        Requested = true;
        Email = null;
        return Page();
    }
}
