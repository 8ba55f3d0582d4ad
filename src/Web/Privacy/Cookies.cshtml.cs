using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyStamp.Privacy.Contracts;
using MyStamp.Web.Security;

namespace MyStamp.Web.Privacy;

/// <summary>The cookie policy (O13), rendered from the register, and the dismissal of the cookie notice.</summary>
public sealed class CookiePolicyModel(IGrainFactory grains) : PageModel
{
    /// <summary>Declared in the register; remembers that the notice was closed.</summary>
    public const string NoticeCookie = "mystamp.cookie-notice";

    public IReadOnlyList<CookieDeclaration> Cookies { get; private set; } = [];

    public async Task OnGetAsync() => Cookies = (await grains.GetGrain<IProcessingRegisterGrain>(0).Get()).Cookies;

    public IActionResult OnPostDismiss(string? returnUrl)
    {
        Response.Cookies.Append(NoticeCookie, "closed", new CookieOptions
        {
            MaxAge = TimeSpan.FromDays(182),
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = Request.IsHttps,
            IsEssential = true,
        });
        return LocalRedirect(LocalRedirects.Target(Url, returnUrl) ?? "/");
    }
}
