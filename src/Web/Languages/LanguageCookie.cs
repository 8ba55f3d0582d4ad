using Microsoft.AspNetCore.Http;
using MyStamp.Customers.Contracts;

namespace MyStamp.Web.Languages;

/// <summary>Writes the language cookie: strictly necessary (the visitor asked for the language), declared in the register.</summary>
public static class LanguageCookie
{
    public static void Write(HttpContext context, CustomerLanguage language) =>
        context.Response.Cookies.Append(ShopLanguages.CookieName, ShopLanguages.CookieValue(language), new CookieOptions
        {
            MaxAge = TimeSpan.FromDays(365),
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            IsEssential = true,
        });
}
