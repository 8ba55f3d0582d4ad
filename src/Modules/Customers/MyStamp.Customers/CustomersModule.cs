using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MyStamp.BuildingBlocks.Database;
using MyStamp.BuildingBlocks.Hashing;
using MyStamp.Customers.Accounts;
using MyStamp.Customers.Admins;
using MyStamp.Customers.EmailIndex;
using MyStamp.Customers.Mail;
using MyStamp.Retention.Contracts;

namespace MyStamp.Customers;

/// <summary>The secret of the keyed hash that turns e-mail addresses into index keys. Bound from "Security".</summary>
public sealed class LookupKeyOptions
{
    public const string Section = "Security";
    public const int MinimumLength = 32;

    /// <summary>At least 32 characters; <c>./mystamp</c> generates 48 random bytes (base64) in <c>.data/secrets.env</c>.</summary>
    [Required, MinLength(MinimumLength, ErrorMessage = "Security:LookupKeySecret must be set to at least 32 characters (./mystamp sets it from .data/secrets.env).")]
    public string LookupKeySecret { get; set; } = "";
}

/// <summary>Composition of the Customers module.</summary>
public static class CustomersModule
{
    public static IServiceCollection AddCustomersModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IModuleSchema>(new ModuleSchema(SqlMigration.FromEmbeddedResources(typeof(CustomersModule).Assembly, "customers")));

        // Required and checked at start-up: without it no e-mail address can be looked up, and a
        // changed secret orphans every index entry.
        services.AddOptions<LookupKeyOptions>()
            .BindConfiguration(LookupKeyOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(provider => new LookupKeyHasher(Encoding.UTF8.GetBytes(provider.GetRequiredService<IOptions<LookupKeyOptions>>().Value.LookupKeySecret)));
        services.AddSingleton<EmailKeys>();
        services.AddSingleton<Sessions.SessionBroadcast>();
        services.AddSingleton<MyStamp.Retention.Contracts.ICustomerBatchErasure, Retention.CustomerBatchErasure>();
        services.AddSingleton<Passwords>();
        services.AddSingleton<AccountTokens>();
        services.AddSingleton<IPersonalDataEraser>(provider => provider.GetRequiredService<AccountTokens>());
        services.AddSingleton<AccountMails>();
        // After the silo (registered before this module): it calls grains.
        services.AddHostedService<AdminSeeding>();
        return services;
    }
}
