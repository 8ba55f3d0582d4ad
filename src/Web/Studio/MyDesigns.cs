using System.Security.Claims;
using MyStamp.Studio.Contracts;
using MyStamp.Web.Security;

namespace MyStamp.Web.Studio;

/// <summary>
/// What the studio's page and its API share: the signed-in customer's list of designs (from the design catalog, one
/// call), and who is looking at a design (its owner, or an admin moderating it).
/// </summary>
internal static class MyDesigns
{
    /// <summary>The most designs a customer's list shows.</summary>
    public const int MaxListed = 1_000;

    public static Task<IReadOnlyList<DesignView>> List(IGrainFactory grains, ClaimsPrincipal user) =>
        grains.GetGrain<IDesignCatalogGrain>(0).ListForOwner(user.CallerId(), MaxListed);

    public static DesignViewer Viewer(ClaimsPrincipal user) => new(user.CallerId(), user.IsAdmin());
}
