using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using MyStamp.Customers.Contracts;
using MyStamp.Integration.Tests.Infrastructure;
using MyStamp.Integration.Tests.Orders;
using MyStamp.Privacy.Requests;
using MyStamp.Retention.Contracts;
using OpenTelemetry.Trace;

namespace MyStamp.Integration.Tests.Platform;

/// <summary>
/// After a customer's journey (register, upload, order, pay, production, live status, erasure), the node's
/// Prometheus endpoint shows the project's meters, for admins only; and neither the scrape nor any span the
/// node recorded holds anything of the customer (their names, e-mail address, street). Personal data never
/// reaches telemetry.
/// </summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task The_project_meters_are_scraped_by_admins_only_and_no_telemetry_holds_the_customers_data()
    {
        var spans = new List<Activity>();
        // Spans are recorded only where something takes them: here the in-memory exporter below.
        await using var node = new MyStampNode(settings: new Dictionary<string, string?> { ["Telemetry:Traces"] = "true" }, configureServices: services =>
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans)));
        node.Start();

        // A customer whose every value is a marker nobody else uses.
        var marker = "Zq" + Guid.NewGuid().ToString("N")[..10];
        var registration = Accounts.ConsumerRegistration(email: $"{marker.ToLowerInvariant()}@example.test");
        registration["firstName"] = marker + "first";
        registration["lastName"] = marker + "last";
        registration["address"]!["street"] = marker + "straat";
        var account = await node.Register(registration);
        using var customer = await node.Login(account);
        using var admin = await node.LoginAsAdmin();
        await using var hub = await customer.ConnectToOrdersHub(node);
        var pushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<JsonObject>("OrderStatusChanged", _ => pushed.TrySetResult());

        var designId = await Designs.Approved(customer, admin);
        var orderId = await OrdersWorld.PlaceOrder(customer, designId);
        await OrdersWorld.Advance(customer, admin, orderId, "InProduction");
        await pushed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await node.Services.GetRequiredService<OverdueRequestsSweep>().Run(CancellationToken.None);
        // Admins only, as the rest of /admin (the admin matrix covers every caller): a customer is refused, a visitor too.
        using (var refused = await customer.GetAsync("/admin/metrics"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.DoesNotContain("mystamp_", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var anonymous = node.CreateApiClient())
        using (var refused = await anonymous.GetAsync("/admin/metrics"))
        {
            Assert.True(refused.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Redirect, $"{refused.StatusCode}");
            Assert.DoesNotContain("mystamp_", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        await node.Grains.GetGrain<ICustomerGrain>(account.CustomerId).AsReference<IRetentionSubject>().EraseNow(ErasureSource.Request);

        using var scrape = await admin.GetAsync("/admin/metrics");
        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        var metrics = await scrape.Content.ReadAsStringAsync();

        foreach (var meter in new[]
        {
            "mystamp_orders_placed", "mystamp_orders_transitions", "mystamp_live_pushed", "mystamp_imaging_jobs",
            "mystamp_imaging_job_duration", "mystamp_retention_erased", "http_server_request_duration", "db_client_operation_duration",
        })
        {
            Assert.True(metrics.Contains(meter, StringComparison.Ordinal), $"{meter} is not in the scrape");
        }
        Assert.Contains("status=\"InProduction\"", metrics, StringComparison.Ordinal);
        Assert.Contains("source=\"request\"", metrics, StringComparison.Ordinal);

        var markers = new[] { marker, marker.ToLowerInvariant(), account.Email, account.CustomerId.ToString() };
        foreach (var value in markers.Take(3))
        {
            Assert.DoesNotContain(value, metrics, StringComparison.OrdinalIgnoreCase);
        }

        // Spans: HTTP, grain calls, SQL. None names, tags or logs a value of the customer. (Stopping the node
        // flushes the exporter, which appends from many threads: read the list once nothing writes to it.)
        await hub.DisposeAsync();
        await node.DisposeAsync();
        Assert.Contains(spans, span => span.Source.Name == "Microsoft.AspNetCore");
        Assert.Contains(spans, span => span.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal));
        Assert.Contains(spans, span => span.Source.Name == "Npgsql");
        foreach (var span in spans)
        {
            var text = string.Join("\n", new[] { span.DisplayName, span.OperationName, span.StatusDescription ?? "" }
                .Concat(span.TagObjects.Select(tag => $"{tag.Key}={tag.Value}"))
                .Concat(span.Events.SelectMany(e => e.Tags.Select(tag => $"{e.Name} {tag.Key}={tag.Value}"))));
            foreach (var value in markers.Take(3))
            {
                Assert.False(text.Contains(value, StringComparison.OrdinalIgnoreCase), $"span {span.Source.Name}/{span.DisplayName} holds the customer's data");
            }
        }
    }
}
