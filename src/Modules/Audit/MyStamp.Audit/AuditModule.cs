using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MyStamp.Audit.PersonalDataViews;
using MyStamp.BuildingBlocks.Database;
using MyStamp.Retention.Contracts;

namespace MyStamp.Audit;

/// <summary>Composition of the Audit module: the append-only trail of who looked at whose personal data.</summary>
public static class AuditModule
{
    public static IServiceCollection AddAuditModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IModuleSchema>(new ModuleSchema(SqlMigration.FromEmbeddedResources(typeof(AuditModule).Assembly, "audit")));
        // The customer's erasure (O7) removes the trail's entries about them.
        services.AddSingleton<IPersonalDataEraser, PersonalDataViewsEraser>();
        return services;
    }
}
