using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using MyStamp.Bench.Shared;

namespace MyStamp.Bench.Orders;

internal sealed record BulkResult(int Lines, int Ordered, int Failed, double Seconds, double LinesPerSecond);

/// <summary>
/// A Pro customer's bulk file of N lines (one approved design, one sheet each, an address per line) sent to
/// POST /api/pro/bulk-orders; timed from the upload until GET /api/pro/bulk-orders/{id} says Completed.
/// </summary>
internal static class BulkRun
{
    public static async Task<BulkResult> Run(BenchCustomer pro, int lines)
    {
        var csv = new StringBuilder("designId,tariff,sheets,street,houseNumber,box,postalCode,city,country\n");
        for (var line = 0; line < lines; line++)
        {
            csv.Append(pro.DesignId).Append(",BelgiumNonPrior,1,Rue Neuve,").Append(1 + line % 200).Append(",,1000,Brussels,BE\n");
        }
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString()));
        file.Headers.ContentType = new("text/csv");
        form.Add(file, "file", "bench.csv");
        form.Add(new StringContent("true"), "controllerAttestation");

        using var progress = new Progress($"orders: bulk file of {lines} lines", lines);
        var clock = Stopwatch.StartNew();
        var accepted = await pro.Drive.PostAsync("/api/pro/bulk-orders", form);
        await BenchSetup.Ensure(accepted, "submit the bulk file");
        var bulkOrderId = (string)(await accepted.Content.ReadFromJsonAsync<JsonObject>())!["bulkOrderId"]!;
        while (true)
        {
            var view = (await pro.Drive.GetFromJsonAsync<JsonObject>($"/api/pro/bulk-orders/{bulkOrderId}"))!;
            var processed = (int)view["processed"]!;
            progress.Set(processed);
            if ((string?)view["status"] == "Completed")
            {
                var seconds = clock.Elapsed.TotalSeconds;
                var failed = (int)view["failed"]!;
                return new BulkResult(lines, processed - failed, failed, seconds, (processed - failed) / seconds);
            }
            if (clock.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new TimeoutException($"the bulk file was not done after 5 minutes ({processed} of {lines} lines)");
            }
            await Task.Delay(200);
        }
    }
}
