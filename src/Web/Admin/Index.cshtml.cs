using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MyStamp.Web.Admin;

/// <summary>The admin console's home: where to go, and how the cluster is doing.</summary>
public sealed class AdminHomeModel(ClusterHealthReader health) : PageModel
{
    public ClusterHealth Cluster { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Cluster = await health.Read(cancellationToken);

    /// <summary>Grain types are shown by their class name; the namespace only adds noise.</summary>
    public static string ShortTypeName(string grainType)
    {
        var generic = grainType.IndexOf('`');
        var name = generic < 0 ? grainType : grainType[..generic];
        var dot = name.LastIndexOf('.');
        return dot < 0 ? grainType : grainType[(dot + 1)..];
    }
}
