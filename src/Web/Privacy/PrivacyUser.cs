using System.Security.Claims;
using MyStamp.BuildingBlocks.Errors;

namespace MyStamp.Web.Privacy;

/// <summary>Who is calling: the customer id from the sign-in cookie (claim NameIdentifier).</summary>
internal static class PrivacyUser
{
    public static Guid? IdOrNull(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static Guid Id(ClaimsPrincipal user) =>
        IdOrNull(user) ?? throw DomainException.Forbidden("Sign in first.");
}
