using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;

namespace MyStamp.Web.Security;

/// <summary>
/// Checks a sign-in cookie against its account on every request: a cookie for an account that no longer exists or is
/// being erased, or issued for another session version, signs its holder out. This is how an erasure signs the
/// customer out everywhere (O7), and how signing out, a new password or an admin ends every copy of a cookie, on
/// every node, without a session store. Admins' cookies are checked against their admin account the same way. The
/// version comes from the node's <see cref="SessionVersions"/>, at most <see cref="SessionVersions.Lifetime"/> old.
/// </summary>
public static class SessionValidation
{
    /// <summary>The session version a cookie was issued for; absent means version 0.</summary>
    public const string VersionClaim = "mystamp:session-version";

    public static async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        if (principal?.CallerIdOrNull() is not { } accountId)
        {
            return;
        }
        var versions = context.HttpContext.RequestServices.GetRequiredService<SessionVersions>();
        // Admins are not customers: their accounts live elsewhere, with a session version of their own.
        var current = await versions.Current(accountId, admin: principal.IsAdmin());
        if (current != principal.SessionVersion())
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}
