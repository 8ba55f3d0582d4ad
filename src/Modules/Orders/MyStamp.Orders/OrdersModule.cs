using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MyStamp.BuildingBlocks.Database;
using MyStamp.Orders.Mail;
using MyStamp.Orders.OrdersOverview;
using MyStamp.Orders.Payment;
using MyStamp.Orders.Pricing;
using MyStamp.Orders.Production;
using MyStamp.Orders.Retention;
using MyStamp.Retention.Contracts;
using Quartz;

namespace MyStamp.Orders;

/// <summary>Composition of the Orders module.</summary>
public static class OrdersModule
{
    public static IServiceCollection AddOrdersModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IModuleSchema>(new ModuleSchema(SqlMigration.FromEmbeddedResources(typeof(OrdersModule).Assembly, "orders")));

        services.AddOptions<PriceTableOptions>()
            .BindConfiguration(PriceTableOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<PriceTableOptions>, PriceTableValidator>();
        services.AddSingleton<PriceCalculator>();

        // The payment step: swap this registration for a real provider.
        services.AddSingleton<IPaymentGateway, SimulatedPaymentGateway>();
        services.AddSingleton<OrdersOverviewTable>();
        services.AddSingleton<OrdersMetrics>();
        services.AddSingleton<OrderMails>();
        // O7: the customer's erasure also erases what this module keeps about them outside the order grains.
        services.AddSingleton<IPersonalDataEraser, OrdersPersonalDataEraser>();

        // Production: a clustered Quartz job (the scheduler and its PostgreSQL job store are set up by the Silo).
        var production = configuration.GetSection(ProductionBatchOptions.Section).Get<ProductionBatchOptions>() ?? new ProductionBatchOptions();
        services.AddOptions<ProductionBatchOptions>()
            .BindConfiguration(ProductionBatchOptions.Section)
            .ValidateDataAnnotations()
            .Validate(options => CronExpression.TryParse(options.BatchSchedule, out _), $"{ProductionBatchOptions.Section}:BatchSchedule must be a Quartz cron expression.")
            .ValidateOnStart();
        services.AddQuartz(quartz =>
        {
            quartz.AddJob<ProductionBatchJob>(job => job.WithIdentity(ProductionBatchJob.Key).StoreDurably().WithDescription("Moves paid orders into production"));
            quartz.AddTrigger(trigger => trigger
                .ForJob(ProductionBatchJob.Key)
                .WithIdentity("production-batch", "orders")
                .WithCronSchedule(production.BatchSchedule));
        });
        return services;
    }
}
