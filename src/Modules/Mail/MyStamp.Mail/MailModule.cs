using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MyStamp.BuildingBlocks.Database;
using MyStamp.Retention.Contracts;
using MyStamp.Mail.Contracts;
using MyStamp.Mail.Delivery;
using MyStamp.Mail.Outbox;

namespace MyStamp.Mail;

/// <summary>Composition of the Mail module: the one outbox of every e-mail, its delivery, its erasure.</summary>
public static class MailModule
{
    public static IServiceCollection AddMailModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IModuleSchema>(new ModuleSchema(SqlMigration.FromEmbeddedResources(typeof(MailModule).Assembly, "mail")));
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<MailOptions>()
            .BindConfiguration(MailOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<MailSignal>();
        services.AddSingleton<MailOutbox>();
        services.AddSingleton<IMailOutbox>(provider => provider.GetRequiredService<MailOutbox>());
        services.AddSingleton<IPersonalDataEraser>(provider => provider.GetRequiredService<MailOutbox>());
        services.AddHostedService<MailDelivery>();
        return services;
    }
}
