using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MyStamp.BuildingBlocks.Database;

namespace MyStamp.Audit;

/// <summary>Composition of the Audit module: the append-only trail of who looked at whose personal data.</summary>
public static class AuditModule
{
    public static IServiceCollection AddAuditModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IModuleSchema>(new ModuleSchema(SqlMigration.FromEmbeddedResources(typeof(AuditModule).Assembly, "audit")));
        return services;
    }

    public static ISiloBuilder AddAuditGrains(this ISiloBuilder silo) => silo;
}
