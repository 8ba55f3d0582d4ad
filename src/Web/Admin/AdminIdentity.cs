using System.Security.Claims;

namespace MyStamp.Web.Admin;

/// <summary>Who the signed-in admin is, as the audit trail records them.</summary>
internal static class AdminIdentity
{
    /// <summary>The admin's account id (the NameIdentifier claim), or null when the sign-in carries none.</summary>
    public static Guid? IdOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) && id != Guid.Empty ? id : null;
}
