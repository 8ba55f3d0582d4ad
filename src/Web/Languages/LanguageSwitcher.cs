using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using MyStamp.Customers.Contracts;
using MyStamp.Web.Account;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Routing;
using MyStamp.Web.Security;

namespace MyStamp.Web.Languages;

/// <summary>
/// The header's language switcher: a form per page posting here. It overrides the browser's language from then on
/// (the cookie), and a signed-in customer's account keeps the choice for the e-mails sent to them.
/// </summary>
public static class LanguageSwitcher
{
    public const string Path = "/language";

    /// <summary>Each language in its own words, as a reader of it looks for it.</summary>
    public static string NameOf(CustomerLanguage language) => language switch
    {
        CustomerLanguage.French => "Français",
        CustomerLanguage.German => "Deutsch",
        CustomerLanguage.English => "English",
        _ => "Nederlands",
    };

    public static IEndpointRouteBuilder MapLanguageSwitcher(this IEndpointRouteBuilder app)
    {
        // Anyone may choose a language (listed as public in AccessMatrixTests); the form carries the antiforgery token.
        app.MapPost(Path, Choose);
        return app;
    }

    private static async Task<IResult> Choose([FromForm] string? language, [FromForm] string? returnUrl, HttpContext context, ClaimsPrincipal user, IGrainFactory grains)
    {
        var url = new UrlHelper(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
        var back = LocalRedirects.Target(url, returnUrl) ?? "/";
        if (CustomerLanguages.FromCode(language) is not { } chosen)
        {
            // Not one of the switcher's buttons: nothing changes.
            return Results.LocalRedirect(back);
        }
        LanguageCookie.Write(context, chosen);
        if (!user.IsAdmin() && user.CallerIdOrNull() is { } customerId)
        {
            try
            {
                await grains.GetGrain<ICustomerGrain>(customerId).ChooseLanguage(chosen);
            }
            catch (BuildingBlocks.Errors.DomainException)
            {
                // An account closed meanwhile: the browser's cookie still holds the choice, and the session ends on its own.
            }
        }
        return Results.LocalRedirect(back);
    }
}
