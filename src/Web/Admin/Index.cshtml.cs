using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MyStamp.Web.Admin;

/// <summary>The admin console's home: where to go, and how the cluster is doing.</summary>
[Looks.ShowsNoPersonalData("Links to the desks and cluster health: silos, activation and reminder counts")]
public sealed class AdminHomeModel(ClusterHealthReader health) : PageModel
{

    public ClusterHealth Cluster { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Cluster = await health.Read(cancellationToken);

    /// <summary>
    /// Grain types are shown by their class name: the statistics name them "Namespace.Type,Assembly"
    /// (generic types with a backtick and arguments), and the namespace and assembly only add noise.
    /// </summary>
    public static string ShortTypeName(string grainType)
    {
        var end = grainType.IndexOfAny([',', '`', '[']);
        var name = end < 0 ? grainType : grainType[..end];
        return name[(name.LastIndexOf('.') + 1)..];
    }
}
