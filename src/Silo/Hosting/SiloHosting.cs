using System.Data.Common;
using System.Net;
using Microsoft.Extensions.Options;
using MyStamp.BuildingBlocks.Database;
using MyStamp.BuildingBlocks.Grains;
using MyStamp.Keys;
using MyStamp.Keys.Storage;
using MyStamp.Silo.Database;
using MyStamp.Silo.GrainStates;
using MyStamp.Silo.Reminders;
using Npgsql;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Storage;

namespace MyStamp.Silo.Hosting;

/// <summary>Composes the Orleans silo on PostgreSQL: clustering, grain storage and reminders.</summary>
internal static class SiloHosting
{
    private const string Invariant = "Npgsql";
    private const string PlainStorageName = GrainStorage.Name + "-rows";
    private const string SharedWritesStorageName = GrainStorage.Name + "-shared-writes";

    public static WebApplicationBuilder AddDatabase(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .Bind(builder.Configuration.GetSection(DatabaseOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => new NpgsqlDataSourceBuilder(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString).Build());
        builder.Services.AddSingleton<IModuleSchema, SiloSchema>();
        // The key store defaults to a database beside this one (Keys module, README "Keys and backups").
        builder.Services.AddOptions<KeysOptions>().PostConfigure<IOptions<DatabaseOptions>>((keys, database) => keys.UseDatabaseBeside(database.Value.ConnectionString));
        // Before UseOrleans: hosted services start in registration order, and the silo needs the schema.
        builder.Services.AddHostedService<DatabaseMigrationService>();
        // Orleans' ADO.NET providers resolve the driver by its invariant name.
        DbProviderFactories.RegisterFactory(Invariant, NpgsqlFactory.Instance);
        return builder;
    }

    public static WebApplicationBuilder AddMyStampSilo(this WebApplicationBuilder builder, Action<ISiloBuilder> addModuleGrains)
    {
        builder.Services.AddOptions<OrleansOptions>()
            .Bind(builder.Configuration.GetSection(OrleansOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.UseOrleans(silo =>
        {
            silo.UseAdoNetClustering((OptionsBuilder<AdoNetClusteringSiloOptions> clustering) => clustering.Configure<IOptions<DatabaseOptions>>((options, database) =>
            {
                options.Invariant = Invariant;
                options.ConnectionString = database.Value.ConnectionString;
            }));
            // Every module's grains use GrainStorage.Name: it seals personal states under their subject's key
            // (Keys module) and keeps the envelopes in PostgreSQL through the ADO.NET storage underneath, whose
            // writes made at the same moment (the states of the grains an order touches) share a statement.
            silo.AddSealedGrainStorage(GrainStorage.Name, SharedWritesStorageName);
            GrainStorageWithSharedWrites.Add(silo.Services, SharedWritesStorageName, PlainStorageName);
            silo.AddAdoNetGrainStorage(PlainStorageName, (OptionsBuilder<AdoNetGrainStorageOptions> storage) => storage.Configure<IOptions<DatabaseOptions>, IServiceProvider>((options, database, provider) =>
            {
                options.Invariant = Invariant;
                options.ConnectionString = database.Value.ConnectionString;
                // Erasure must delete the row, not leave a tombstone holding the last state (O7).
                options.DeleteStateOnClear = true;
                // Orleans' own versioned binary format: records carry [Id(n)] so stored state survives renames.
                options.GrainStorageSerializer = new OrleansGrainStorageSerializer(provider.GetRequiredService<Orleans.Serialization.Serializer>());
            }));
            silo.UseAdoNetReminderService((OptionsBuilder<AdoNetReminderTableOptions> reminders) => reminders.Configure<IOptions<DatabaseOptions>>((options, database) =>
            {
                options.Invariant = Invariant;
                options.ConnectionString = database.Value.ConnectionString;
            }));
            // Registrations made at the same moment (one per order placed) share a statement.
            ReminderTableWithSharedUpserts.InFrontOfProvider(silo.Services);
            // The Orleans dashboard's services; the web edge maps it under /admin/dashboard for admins only.
            silo.AddDashboard();
            addModuleGrains(silo);
        });

        // Options are bound when the host is built, not when this method runs, so that settings given
        // later (environment, the test host) still count.
        var services = builder.Services;
        services.AddOptions<ClusterOptions>().Configure<IOptions<OrleansOptions>>((cluster, orleans) =>
        {
            cluster.ClusterId = orleans.Value.ClusterId;
            cluster.ServiceId = orleans.Value.ServiceId;
        });
        services.AddOptions<EndpointOptions>().Configure<IOptions<OrleansOptions>>((endpoints, orleans) =>
        {
            var address = IPAddress.Parse(orleans.Value.AdvertisedAddress);
            endpoints.AdvertisedIPAddress = address;
            endpoints.SiloPort = orleans.Value.SiloPort;
            endpoints.GatewayPort = orleans.Value.GatewayPort;
            endpoints.SiloListeningEndpoint = new IPEndPoint(address, orleans.Value.SiloPort);
            endpoints.GatewayListeningEndpoint = new IPEndPoint(address, orleans.Value.GatewayPort);
        });
        return builder;
    }
}
