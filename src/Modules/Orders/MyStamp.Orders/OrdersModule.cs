using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MyStamp.BuildingBlocks.Database;
using MyStamp.Orders.Overview;
using MyStamp.Orders.Payment;
using MyStamp.Orders.Pricing;

namespace MyStamp.Orders;

/// <summary>Composition of the Orders module.</summary>
public static class OrdersModule
{
    public static IServiceCollection AddOrdersModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IModuleSchema>(new ModuleSchema(SqlMigration.FromEmbeddedResources(typeof(OrdersModule).Assembly, "orders")));
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<PriceTableOptions>()
            .Bind(configuration.GetSection(PriceTableOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<PriceTableOptions>, PriceTableValidator>();
        services.AddSingleton<PriceCalculator>();

        // The payment step: swap this registration for a real provider.
        services.AddSingleton<IPaymentGateway, SimulatedPaymentGateway>();
        services.AddSingleton<OrdersOverview>();
        return services;
    }

    public static ISiloBuilder AddOrdersGrains(this ISiloBuilder silo) => silo;
}
