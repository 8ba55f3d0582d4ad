using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MyStamp.BuildingBlocks.Database;
using MyStamp.BuildingBlocks.Imaging;
using MyStamp.Studio.Designs;
using MyStamp.Studio.Moderation;
using MyStamp.Studio.Photos;
using MyStamp.Studio.Preview;
using MyStamp.Studio.Sheets;

namespace MyStamp.Studio;

/// <summary>Composition of the Studio module.</summary>
public static class StudioModule
{
    public static IServiceCollection AddStudioModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IModuleSchema>(new ModuleSchema(SqlMigration.FromEmbeddedResources(typeof(StudioModule).Assembly, "studio")));
        services.AddOptions<StudioOptions>()
            .Bind(configuration.GetSection(StudioOptions.Section))
            .Validate(studio => Validator.TryValidateObject(studio, new ValidationContext(studio), null, validateAllProperties: true),
                "The Studio settings are out of range (see the README's Studio section).")
            .ValidateOnStart();
        services.AddImaging(configuration);
        services.AddSingleton<PhotoIntake>();
        services.AddSingleton<PrintMaster>();
        services.AddSingleton<StampPreview>();
        services.AddSingleton<PrintSheet>();
        services.AddSingleton<DesignBlobs>();
        services.AddSingleton<ReviewQueue>();
        return services;
    }

    public static ISiloBuilder AddStudioGrains(this ISiloBuilder silo) => silo;
}
