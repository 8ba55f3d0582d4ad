using MyStamp.Audit;
using MyStamp.Customers;
using MyStamp.Orders;
using MyStamp.Privacy;
using MyStamp.Retention;
using MyStamp.Silo.Health;
using MyStamp.Silo.Hosting;
using MyStamp.Studio;
using MyStamp.Web;

var builder = WebApplication.CreateBuilder(args);
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
    .AddAuditGrains());

builder.Services
    .AddCustomersModule(builder.Configuration)
    .AddOrdersModule(builder.Configuration)
    .AddRetentionModule(builder.Configuration)
    .AddStudioModule(builder.Configuration)
    .AddPrivacyModule(builder.Configuration)
    .AddAuditModule(builder.Configuration)
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

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
