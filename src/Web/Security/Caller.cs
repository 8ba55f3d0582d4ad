using System.Globalization;
using System.Security.Claims;
using MyStamp.BuildingBlocks.Errors;

namespace MyStamp.Web.Security;

/// <summary>
/// Who is calling, as the sign-in cookie says: the account id (NameIdentifier), the session version it was issued
/// for, and the roles. The one place in the web edge that reads these claims; the cookie names nobody.
/// </summary>
public static class Caller
{
    /// <summary>The signed-in account's id (customer or admin), or null for an anonymous caller.</summary>
    public static Guid? CallerIdOrNull(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) && id != Guid.Empty
            ? id
            : null;

    /// <summary>The signed-in account's id; a route using it requires a signed-in caller, anyone else gets a 403.</summary>
    public static Guid CallerId(this ClaimsPrincipal user) =>
        user.CallerIdOrNull() ?? throw DomainException.Forbidden("Sign in first.");

    /// <summary>The session version the cookie was issued for (0 when it carries none); checked on every request by <see cref="SessionValidation"/>.</summary>
    public static int SessionVersion(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(SessionValidation.VersionClaim), CultureInfo.InvariantCulture, out var version) ? version : 0;

    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(Roles.Admin);
}
