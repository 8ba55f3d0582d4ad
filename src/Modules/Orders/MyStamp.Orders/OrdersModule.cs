using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MyStamp.BuildingBlocks.Database;

namespace MyStamp.Orders;

/// <summary>Composition of the Orders module.</summary>
public static class OrdersModule
{
    public static IServiceCollection AddOrdersModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IModuleSchema>(new ModuleSchema(SqlMigration.FromEmbeddedResources(typeof(OrdersModule).Assembly, "orders")));
        return services;
    }

    public static ISiloBuilder AddOrdersGrains(this ISiloBuilder silo) => silo;
}
