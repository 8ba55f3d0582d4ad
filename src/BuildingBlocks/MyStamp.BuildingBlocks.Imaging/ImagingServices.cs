using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MyStamp.BuildingBlocks.Imaging;

/// <summary>Registers the node's one <see cref="ImagingGate"/>; every module that decodes images calls it, the first one wins.</summary>
public static class ImagingServices
{
    public static IServiceCollection AddImaging(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(service => service.ServiceType == typeof(ImagingGate)))
        {
            return services;
        }
        services.AddOptions<ImagingOptions>()
            .Bind(configuration.GetSection(ImagingOptions.Section))
            .Validate(limits => Validator.TryValidateObject(limits, new ValidationContext(limits), null, validateAllProperties: true),
                "The Imaging settings are out of range (see the README's Studio section).")
            .ValidateOnStart();
        services.AddSingleton<ImagingGate>();
        return services;
    }
}
