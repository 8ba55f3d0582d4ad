using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MyStamp.Keys.Cache;
using MyStamp.Keys.Contracts;
using MyStamp.Keys.DataKeys;
using MyStamp.Keys.Rotation;

namespace MyStamp.Keys;

/// <summary>
/// Composition of the Keys module: a data key per data subject in a key store of its own, wrapped by a KEK from
/// configuration; the service every module seals personal data with (DESIGN.md, "Personal data at rest").
/// </summary>
public static class KeysModule
{
    public static IServiceCollection AddKeysModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KeysOptions>()
            .Bind(configuration.GetSection(KeysOptions.Section))
            .Validate(options => !options.Problems().Any(), $"{KeysOptions.Section}: the key store needs a connection string and key-encryption keys (README, \"Keys and backups\").")
            .ValidateOnStart();
        services.AddSingleton<KeyEncryptionKeys>();
        services.AddSingleton<KeyStore>();
        services.AddSingleton<IKeyStoreCompaction>(provider => provider.GetRequiredService<KeyStore>());
        services.AddSingleton<NodeKeyCache>();
        services.AddSingleton<KeyEviction>();
        services.AddSingleton<IPersonalDataProtector, PersonalDataProtector>();
        services.AddSingleton<ISealedStates, Storage.SealedStates>();
        services.AddSingleton<KeyRotation>();
        return services;
    }

    /// <summary>
    /// <c>MyStamp.Silo keys rotate|status|pending</c>: run by <c>./mystamp keys …</c> beside (not inside) the running nodes.
    /// Returns the process exit code.
    /// </summary>
    public static async Task<int> RunCommand(string[] args, IConfiguration configuration, TextWriter output)
    {
        var options = configuration.GetSection(KeysOptions.Section).Get<KeysOptions>() ?? new KeysOptions();
        options.UseDatabaseBeside(configuration["Database:ConnectionString"] ?? "");
        if (options.Problems().FirstOrDefault() is { } problem)
        {
            await output.WriteLineAsync(problem);
            return 2;
        }
        var keks = new KeyEncryptionKeys(options);
        await using var store = new KeyStore(options.ConnectionString, NullLogger<KeyStore>.Instance, options.CreateDatabaseIfMissing);
        switch (args)
        {
            case [_, "rotate"]:
                var rotation = new KeyRotation(store, keks, NullLogger<KeyRotation>.Instance);
                var count = await rotation.Run(new Progress<int>(done => output.WriteLine($"re-wrapped {done} data keys so far")));
                await output.WriteLineAsync($"re-wrapped {count} data keys; every key is now wrapped by '{keks.CurrentId}'");
                break;
            case [_, "status"]:
                break;
            case [_, "pending"]:
                // For ./mystamp keys rotate: how many data keys are not yet wrapped by the current KEK.
                var pending = (await store.CountByKek()).Where(pair => pair.Key != keks.CurrentId).Sum(pair => pair.Value);
                await output.WriteLineAsync(pending.ToString(System.Globalization.CultureInfo.InvariantCulture));
                return 0;
            default:
                await output.WriteLineAsync("usage: MyStamp.Silo keys rotate|status|pending");
                return 2;
        }
        foreach (var (kekId, keys) in await store.CountByKek())
        {
            await output.WriteLineAsync($"{kekId}: {keys} data keys{(kekId == keks.CurrentId ? " (current)" : "")}");
        }
        return 0;
    }
}
