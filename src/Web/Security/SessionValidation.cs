using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using MyStamp.Customers.Contracts;

namespace MyStamp.Web.Security;

/// <summary>
/// Checks a customer's sign-in cookie against the customer grain on every request: a cookie for an account
/// that no longer exists or is being erased, or issued for another session version, signs its holder out.
/// This is how an erasure signs the customer out everywhere (O7), on every node, without a session store.
/// </summary>
public static class SessionValidation
{
    /// <summary>The session version a cookie was issued for; absent means version 0.</summary>
    public const string VersionClaim = "mystamp:session-version";

    public static async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        // Admins are not customers: their accounts live elsewhere.
        if (principal is null || principal.IsInRole(Roles.Admin) || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var customerId))
        {
            return;
        }
        var grains = context.HttpContext.RequestServices.GetRequiredService<IGrainFactory>();
        var current = await grains.GetGrain<ICustomerGrain>(customerId).GetSessionVersion();
        var issuedFor = int.TryParse(principal.FindFirstValue(VersionClaim), out var version) ? version : 0;
        if (current != issuedFor)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}
