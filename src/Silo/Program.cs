using MyStamp.Audit;
using MyStamp.Customers;
using MyStamp.Orders;
using MyStamp.Silo.Health;
using MyStamp.Silo.Hosting;
using MyStamp.Web;

var builder = WebApplication.CreateBuilder(args);

builder.AddDatabase();
builder.AddMyStampSilo(silo => silo
    .AddCustomersGrains()
    .AddOrdersGrains()
    .AddAuditGrains());

builder.Services
    .AddCustomersModule(builder.Configuration)
    .AddOrdersModule(builder.Configuration)
    .AddAuditModule(builder.Configuration)
    .AddClusteredJobs()
    .AddReadinessChecks()
    .AddMyStampWeb(builder.Configuration, builder.Environment);

var app = builder.Build();

app.UseMyStampWeb();
app.MapHealthEndpoints();
app.MapMyStampWeb();

app.Run();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
