using MyStamp.Audit;
using MyStamp.BuildingBlocks.Grains;
using MyStamp.Customers;
using MyStamp.Keys;
using MyStamp.Mail;
using MyStamp.Orders;
using MyStamp.Privacy;
using MyStamp.Retention;
using MyStamp.Silo.Health;
using MyStamp.Silo.Hosting;
using MyStamp.Studio;
using MyStamp.Web;

var builder = WebApplication.CreateBuilder(args);
if (args is ["keys", ..])
{
    // ./mystamp keys rotate|status: a one-off beside the running nodes, on the same configuration.
    return await KeysModule.RunCommand(args, builder.Configuration, Console.Out);
}
// The web module's wwwroot (CSS, scripts) from the build output in every environment, not only in
// Development: tests run as "Testing" and their pages need the same scripts. A no-op once published.
builder.WebHost.UseStaticWebAssets();

builder.AddDatabase();
// Grains are found by Orleans' code generation in the module assemblies the Silo references; a module adds to
// the silo only what it really configures. Each node's key cache (Keys) and memory of session versions (Customers) is
// told through a grain placed on that node.
builder.AddMyStampSilo(silo => silo
    .AddTelemetry()
    .AddPlacementDirector<OnNamedNodePlacementStrategy, OnNamedNodePlacementDirector>());

builder.Services
    // The one clock of the node: every module, grain and job takes it (tests replace it to move years ahead).
    .AddSingleton(TimeProvider.System)
    .AddCustomersModule(builder.Configuration)
    .AddOrdersModule(builder.Configuration)
    .AddRetentionModule(builder.Configuration)
    .AddStudioModule(builder.Configuration)
    .AddPrivacyModule(builder.Configuration)
    .AddAuditModule(builder.Configuration)
    .AddKeysModule(builder.Configuration)
    .AddMailModule(builder.Configuration)
    .AddClusteredJobs()
    .AddClusterDataProtection(builder.Configuration)
    .AddReadinessChecks()
    .AddTelemetry(builder.Configuration)
    .AddMyStampWeb(builder.Configuration, builder.Environment);

var app = builder.Build();

app.UseMyStampWeb();
app.MapHealthEndpoints();
app.MapTelemetry();
app.MapMyStampWeb();

app.Run();
return 0;

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
