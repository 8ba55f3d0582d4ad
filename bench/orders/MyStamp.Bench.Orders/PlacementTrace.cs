using System.Diagnostics;

namespace MyStamp.Bench.Orders;

/// <summary>
/// Where a node's CPU goes while it places orders: with BENCH_TRACE_TOOL naming dotnet-trace, one untimed placement
/// round runs with an EventPipe thread-time sampling trace of the node the orders go through (node B), and the trace's
/// top methods (inclusive and exclusive) are written beside it; naming bench/orders/perf-trace instead, the round runs
/// under a CPU profile of the whole machine (perf). Untimed, so the trace's overhead falls on no figure.
/// </summary>
internal static class PlacementTrace
{
    /// <summary>Traces one untimed round if asked; answers the names of the top-methods files written into <paramref name="results"/>.</summary>
    public static async Task<IReadOnlyList<string>> RunIfAsked(BenchSettings settings, IReadOnlyList<BenchCustomer> customers, string outputFolder, string results)
    {
        var tool = Environment.GetEnvironmentVariable("BENCH_TRACE_TOOL");
        if (string.IsNullOrEmpty(tool) || settings.NodePids.Length < 2)
        {
            return [];
        }
        Directory.CreateDirectory(outputFolder);
        var trace = Path.Combine(outputFolder, "placement.nettrace");
        var duration = Environment.GetEnvironmentVariable("BENCH_TRACE_SECONDS") ?? "15";
        using var collector = Process.Start(new ProcessStartInfo(tool,
            ["collect", "-p", settings.NodePids[1].ToString(System.Globalization.CultureInfo.InvariantCulture), "--profile", "dotnet-common,dotnet-sampled-thread-time",
             "--duration", TimeSpan.FromSeconds(int.Parse(duration, System.Globalization.CultureInfo.InvariantCulture)).ToString(@"hh\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture),
             "-o", trace])
        { RedirectStandardOutput = true, RedirectStandardInput = true })!;
        await Task.Delay(TimeSpan.FromSeconds(2));
        // Two rounds, so the trace's window falls wholly on placement.
        await Placement.Run("mystamp (traced, untimed)", settings, customers, 2, settings.NodePids);
        await collector.WaitForExitAsync();
        var written = new List<string>();
        foreach (var (name, flag) in new[] { ("inclusive", "--inclusive"), ("exclusive", "") })
        {
            string[] arguments = flag.Length == 0 ? ["report", trace, "topN", "-n", "60"] : ["report", trace, "topN", "-n", "60", flag];
            using var report = Process.Start(new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true })!;
            var text = await report.StandardOutput.ReadToEndAsync();
            await report.WaitForExitAsync();
            var file = $"orders-placement-trace-{name}.txt";
            await File.WriteAllTextAsync(Path.Combine(results, file), text);
            written.Add(file);
        }
        Console.WriteLine($"placement trace of node B: {trace}");
        return written;
    }
}
