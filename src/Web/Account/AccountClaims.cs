using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
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
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, account.AccountId.ToString()) };
        claims.AddRange(RolesOf(account).Select(role => new Claim(ClaimTypes.Role, role)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
        return context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
    }

    public static Task SignOut(HttpContext context) => context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);

    /// <summary>The signed-in account's id, or null for anonymous callers.</summary>
    public static Guid? AccountId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
