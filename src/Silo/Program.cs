using MyStamp.Audit;
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
builder.AddMyStampSilo(silo => silo
    .AddTelemetry()
    .AddCustomersGrains()
    .AddOrdersGrains()
    .AddStudioGrains()
    .AddPrivacyGrains()
    .AddAuditGrains()
    .AddKeysGrains());

builder.Services
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
