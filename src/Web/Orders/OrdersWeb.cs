using System.Text.Json.Serialization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using MyStamp.Web.Orders.Live;

namespace MyStamp.Web.Orders;

/// <summary>Services of the Orders area of the web edge.</summary>
public static class OrdersWeb
{
    public static IServiceCollection AddOrdersWeb(this IServiceCollection services)
    {
        services.AddSingleton<LiveFeedMetrics>();
        services.AddSingleton<OrderFeedNode>();
        // Registered after the silo, so it starts once the silo runs and stops before the silo does.
        services.AddHostedService(provider => provider.GetRequiredService<OrderFeedNode>());
        // Hub messages use the same JSON as the API: statuses as names, not numbers.
        services.Configure<JsonHubProtocolOptions>(options => options.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        return services;
    }
}
