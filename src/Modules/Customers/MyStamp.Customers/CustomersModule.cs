using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MyStamp.BuildingBlocks.Database;

namespace MyStamp.Customers;

/// <summary>Composition of the Customers module.</summary>
public static class CustomersModule
{
    public static IServiceCollection AddCustomersModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IModuleSchema>(new ModuleSchema(SqlMigration.FromEmbeddedResources(typeof(CustomersModule).Assembly, "customers")));
        return services;
    }

    public static ISiloBuilder AddCustomersGrains(this ISiloBuilder silo) => silo;
}
