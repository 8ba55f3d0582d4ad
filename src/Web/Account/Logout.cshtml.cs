using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MyStamp.Web.Account;

/// <summary>Signing out is a POST with the antiforgery token (the layout's button); a GET only asks.</summary>
public sealed class LogoutModel : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await AccountClaims.SignOut(HttpContext);
        return LocalRedirect("/");
    }
}
