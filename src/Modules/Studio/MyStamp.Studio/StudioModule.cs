using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MyStamp.BuildingBlocks.Database;
using MyStamp.BuildingBlocks.Imaging;
using MyStamp.Retention.Contracts;
using MyStamp.Studio.Catalog;
using MyStamp.Studio.Designs;
using MyStamp.Studio.Photos;
using MyStamp.Studio.Preview;
using MyStamp.Studio.Retention;
using MyStamp.Studio.Sheets;

namespace MyStamp.Studio;

/// <summary>Composition of the Studio module.</summary>
public static class StudioModule
{
    public static IServiceCollection AddStudioModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IModuleSchema>(new ModuleSchema(SqlMigration.FromEmbeddedResources(typeof(StudioModule).Assembly, "studio")));
        services.AddOptions<StudioOptions>()
            .BindConfiguration(StudioOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddImaging();
        services.AddSingleton<PhotoIntake>();
        services.AddSingleton<PrintMaster>();
        services.AddSingleton<StampPreview>();
        services.AddSingleton<PrintSheet>();
        services.AddSingleton<DesignBlobs>();
        // The customer's erasure (O7) erases their designs through the module's own eraser.
        services.AddSingleton<IPersonalDataEraser, StudioPersonalDataEraser>();
        services.AddSingleton<DesignCatalog>();
        return services;
    }
}
