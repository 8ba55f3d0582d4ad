using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using MyStamp.Customers.Contracts;
using MyStamp.Web.Security;

namespace MyStamp.Web.Account;

/// <summary>
/// What the auth cookie says about who signed in: the account id (NameIdentifier) and the roles
/// <c>admin</c> and <c>pro</c>. No personal data: the cookie names nobody.
/// </summary>
public static class AccountClaims
{
    public static IReadOnlyList<string> RolesOf(SignedInAccount account)
    {
        var roles = new List<string>();
        if (account.IsAdmin)
        {
            roles.Add(Roles.Admin);
        }
        if (account.AccountType == AccountType.Pro)
        {
            roles.Add(Roles.Pro);
        }
        return roles;
    }

    public static Task SignIn(HttpContext context, SignedInAccount account)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.AccountId.ToString()),
            // Checked on every request (SessionValidation): a sign-out or password change moves the version on.
            new(SessionValidation.VersionClaim, account.SessionVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        claims.AddRange(RolesOf(account).Select(role => new Claim(ClaimTypes.Role, role)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
        if (account.Language is { } language)
        {
            // Signing in speaks the customer's own language, whatever this browser asked for before: a customer who
            // registered in French reads French on an English computer (and the switcher changes it again from there).
            Languages.LanguageCookie.Write(context, language);
        }
        return context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
    }

    /// <summary>
    /// Signs out everywhere, not only this browser: the account's session version moves on, so a copy of the cookie
    /// (a shared computer, a stolen cookie) is refused on its next request, on every node.
    /// </summary>
    public static async Task SignOut(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated == true && context.User.CallerIdOrNull() is { } accountId)
        {
            var grains = context.RequestServices.GetRequiredService<IGrainFactory>();
            try
            {
                if (context.User.IsInRole(Roles.Admin))
                {
                    var version = await grains.GetGrain<IAdminSessionsGrain>(accountId).EndSessions();
                    // This node refuses an admin's old cookie at once; the others within SessionVersions.Lifetime.
                    context.RequestServices.GetRequiredService<SessionVersions>().Remember(accountId, admin: true, version);
                }
                else
                {
                    // The customer grain tells every node's SessionVersions before it answers.
                    await grains.GetGrain<ICustomerGrain>(accountId).EndSessions();
                }
            }
            catch (MyStamp.BuildingBlocks.Errors.DomainException exception) when (exception.Kind == MyStamp.BuildingBlocks.Errors.DomainErrorKind.NotFound)
            {
                // No account (erased meanwhile): no session to end beyond this cookie.
            }
        }
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
