using MyStamp.Orders;
using MyStamp.Privacy;
using MyStamp.Retention.Index;
using MyStamp.BuildingBlocks.Imaging;
using MyStamp.Web.Orders.Live;
using MyStamp.Web.Admin.Looks;
using MyStamp.Web.Security;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace MyStamp.Silo.Hosting;

/// <summary>
/// OpenTelemetry traces and metrics of a node: HTTP (ASP.NET Core), grain calls (Orleans), SQL (Npgsql), jobs
/// (Quartz), the .NET runtime, and the project's own meters (README, "Telemetry"). Metrics are scraped by
/// Prometheus at <see cref="ScrapePath"/>, admins only; with <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set, traces and
/// metrics also go over OTLP to that collector. Nothing recorded carries personal data: tags are routes,
/// statuses and kinds, grain keys are random ids or keyed hashes, SQL is sent without its parameters, and the
/// query string of a request is redacted by the ASP.NET Core instrumentation.
/// </summary>
internal static class TelemetryHosting
{
    public const string ScrapePath = "/admin/metrics";
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";
    /// <summary>Records spans without an OTLP collector (for an exporter added in process, as the telemetry test does).</summary>
    public const string TracesSetting = "Telemetry:Traces";

    /// <summary>The project's meters, one per module that counts something an operator watches.</summary>
    public static readonly string[] ProjectMeters =
    [
        OrdersMetrics.MeterName, LiveFeedMetrics.MeterName, RetentionMetrics.MeterName, PrivacyMetrics.MeterName, ImagingMetrics.MeterName,
    ];

    /// <summary>Orleans' activity sources (grain calls, with ActivityPropagation) and its meter.</summary>
    private static readonly string[] OrleansSources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];
    private const string OrleansMeter = "Microsoft.Orleans";
    private const string QuartzSource = "Quartz";

    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var exporting = !string.IsNullOrWhiteSpace(configuration[OtlpEndpointSetting]);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("mystamp", serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId));
        // Spans only where something takes them (a collector over OTLP, or Telemetry:Traces for a test's exporter):
        // a listener with nowhere to send makes every request, grain call (on both ends) and SQL command build a
        // span for nothing, on the CPU that places orders (bench/results, "Where the time goes").
        if (exporting || configuration.GetValue<bool>(TracesSetting))
        {
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options =>
                {
                    // Probes and scrapes every few seconds would drown the requests that matter.
                    options.Filter = context => !context.Request.Path.StartsWithSegments("/health") && !context.Request.Path.StartsWithSegments(ScrapePath);
                    // An exception's message may quote input; the span says only that the request failed.
                    options.RecordException = false;
                })
                .AddSource(OrleansSources)
                .AddSource(QuartzSource)
                .AddNpgsql());
        }
        telemetry.WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddNpgsqlInstrumentation()
            .AddMeter(OrleansMeter, QuartzSource)
            .AddMeter(ProjectMeters)
            .AddPrometheusExporter());
        if (exporting)
        {
            // Endpoint, protocol and headers from the standard OTEL_EXPORTER_OTLP_* variables.
            telemetry.UseOtlpExporter();
        }
        return services;
    }

    /// <summary>Grain calls become spans of the request that made them, across silos.</summary>
    public static ISiloBuilder AddTelemetry(this ISiloBuilder silo) => silo.AddActivityPropagation();

    public static WebApplication MapTelemetry(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint(ScrapePath).RequireAuthorization(Roles.AdminPolicy)
            .ShowsNoPersonalData("Counters and histograms of the node: no ids, names or addresses in any tag (TelemetryTests)");
        return app;
    }
}
