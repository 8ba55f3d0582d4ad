using Microsoft.Extensions.DependencyInjection;

namespace MyStamp.BuildingBlocks.Imaging;

/// <summary>Registers the node's one <see cref="ImagingGate"/>; every module that decodes images calls it, the first one wins.</summary>
public static class ImagingServices
{
    public static IServiceCollection AddImaging(this IServiceCollection services)
    {
        if (services.Any(service => service.ServiceType == typeof(ImagingGate)))
        {
            return services;
        }
        services.AddOptions<ImagingOptions>()
            .BindConfiguration(ImagingOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<ImagingGate>();
        return services;
    }
}
