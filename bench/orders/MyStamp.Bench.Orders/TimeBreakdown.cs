using System.Globalization;
using System.Net;

namespace MyStamp.Bench.Orders;

/// <summary>One histogram's growth over a timed phase, per order: total time (ms) and how many observations.</summary>
internal sealed record BreakdownLine(string What, double MillisecondsPerOrder, double CountPerOrder);

/// <summary>
/// Where a placement's time goes, from the nodes' own telemetry: the Prometheus scrape at /admin/metrics (the admin's
/// cookie) of both nodes, read before and after the timed placement, each histogram's sum and count differenced and
/// divided by the orders placed. HTTP is the server's time for POST /api/orders; PostgreSQL is every command the
/// nodes sent (Npgsql); grain storage is Orleans' state reads and writes (sealing included); the remainder of the
/// request is grain calls, messaging between the nodes, the session check and serialisation.
/// </summary>
internal sealed class TimeBreakdown(IReadOnlyList<HttpClient> scrapers)
{
    private static readonly (string What, string Prefix, string? Label)[] Histograms =
    [
        ("HTTP: POST /api/orders on the node, request in to response out", "http_server_request_duration", "http_route=\"/api/orders/\""),
        ("PostgreSQL: every command the two nodes sent (Npgsql), summed", "db_client_operation_duration", null),
        ("grain state writes (Orleans storage: seal + PostgreSQL)", "orleans_storage_write_latency", null),
        ("grain state reads (Orleans storage: activations)", "orleans_storage_read_latency", null),
    ];

    private Dictionary<string, (double Sum, double Count)> _before = [];

    /// <summary>Builds the scrapers: an HttpClient per node carrying the admin's cookies (cookies do not depend on the port).</summary>
    public static TimeBreakdown For(IEnumerable<string> nodeUrls, CookieContainer adminCookies) =>
        new(nodeUrls.Select(url => new HttpClient(new SocketsHttpHandler { CookieContainer = adminCookies }) { BaseAddress = new Uri(url) }).ToList());

    public async Task Start() => _before = await Read();

    public async Task<IReadOnlyList<BreakdownLine>> Stop(int orders)
    {
        var after = await Read();
        return Histograms.Select(h =>
        {
            var (sum, count) = after.GetValueOrDefault(h.What);
            var (sumBefore, countBefore) = _before.GetValueOrDefault(h.What);
            return new BreakdownLine(h.What, (sum - sumBefore) / orders, (count - countBefore) / orders);
        }).ToList();
    }

    private async Task<Dictionary<string, (double Sum, double Count)>> Read()
    {
        var totals = new Dictionary<string, (double Sum, double Count)>();
        foreach (var scraper in scrapers)
        {
            string text;
            try
            {
                text = await scraper.GetStringAsync("/admin/metrics");
            }
            catch (HttpRequestException exception)
            {
                Console.Error.WriteLine($"metrics of {scraper.BaseAddress} not read: {exception.Message}");
                continue;
            }
            foreach (var line in text.Split('\n'))
            {
                if (line.StartsWith('#') || line.Length == 0)
                {
                    continue;
                }
                var nameEnd = line.IndexOfAny(['{', ' ']);
                var name = line[..nameEnd];
                var isSum = name.EndsWith("_sum", StringComparison.Ordinal);
                if (!isSum && !name.EndsWith("_count", StringComparison.Ordinal))
                {
                    continue;
                }
                foreach (var (what, prefix, label) in Histograms)
                {
                    if (!name.StartsWith(prefix, StringComparison.Ordinal) || (label is not null && !line.Contains(label, StringComparison.Ordinal)))
                    {
                        continue;
                    }
                    var valueText = line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0];
                    if (!double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                    {
                        continue;
                    }
                    // Seconds for the OpenTelemetry conventions' histograms, milliseconds for Orleans'.
                    var toMilliseconds = name.Contains("_seconds", StringComparison.Ordinal) ? 1000 : 1;
                    var (sum, count) = totals.GetValueOrDefault(what);
                    totals[what] = isSum ? (sum + value * toMilliseconds, count) : (sum, count + value);
                }
            }
        }
        return totals;
    }
}
