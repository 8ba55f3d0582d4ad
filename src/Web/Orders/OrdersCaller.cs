using System.Security.Claims;

namespace MyStamp.Web.Orders;

/// <summary>Who is calling: the customer id from the sign-in cookie's NameIdentifier claim.</summary>
internal static class OrdersCaller
{
    /// <summary>The signed-in customer's id, or null when the claim is missing or not an id.</summary>
    public static Guid? CustomerIdOrNull(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>The signed-in customer's id; endpoints using it require an authenticated user.</summary>
    public static Guid CustomerId(this ClaimsPrincipal user) =>
        user.CustomerIdOrNull() ?? throw BuildingBlocks.Errors.DomainException.Forbidden("This needs a signed-in customer.");
}
