using System.ComponentModel.DataAnnotations;

namespace MyStamp.Silo.Hosting;

/// <summary>
/// How this node joins the cluster. Bound from the "Orleans" section. Every node of one deployment
/// uses the same ClusterId and ServiceId and the same database; each needs its own ports.
/// </summary>
public sealed class OrleansOptions
{
    public const string Section = "Orleans";

    [Required]
    public string ClusterId { get; set; } = "mystamp-dev";

    [Required]
    public string ServiceId { get; set; } = "mystamp";

    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other nodes reach this one on; loopback for a single machine.</summary>
    [Required]
    public string AdvertisedAddress { get; set; } = "127.0.0.1";
}
