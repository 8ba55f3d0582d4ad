using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using MyStamp.Bench.Retention;
using MyStamp.Bench.Shared;
using MyStamp.BuildingBlocks.Grains;
using MyStamp.Customers.Accounts;
using MyStamp.Customers.Contracts;
using Orleans.Storage;

namespace MyStamp.Bench.Memory;

// Memory per idle customer grain activation (issue 9): N registered customers (their state rows seeded through the
// grains' own storage provider) are activated in steps in one in-process node; after each step a full, compacting
// garbage collection, then the managed heap and the working set. The baseline, in the same process: the same
// number of plain customer state objects, the data an activation holds, built and measured the same way.
internal static class MemoryBench
{
    // Not top-level statements: the Silo's own Program class must stay the only "Program" here.
    public static async Task<int> Main(string[] args)
    {
        var connectionString = Arg("connection-string");
        var count = int.Parse(Arg("customers", "10000"), CultureInfo.InvariantCulture);
        var steps = int.Parse(Arg("steps", "10"), CultureInfo.InvariantCulture);
        var reportPath = Arg("report");
        Console.WriteLine($"bench/memory: {count} idle customer grains in {steps} steps");

        var ids = Enumerable.Range(0, count).Select(_ => Guid.CreateVersion7()).ToArray();
        var registeredAt = DateTimeOffset.UtcNow;
        await using var node = new BenchNode(connectionString, TimeProvider.System, $"bench-memory-{Guid.NewGuid():N}").Start();

        var storage = node.Services.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name);
        using (var seeding = new Progress("memory: seeding customers", count))
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
            {
                await storage.WriteStateAsync("customer", GrainId.Create("customer", ids[i].ToString("N")), new GrainState<CustomerState>(NewState(ids[i], i, registeredAt)));
                seeding.Advance();
            });
        }

        // 1. Customer grains, activated by a read of their session version (which needs their state), step by step.
        var grainCurve = new List<(double Count, double ManagedMb, double WorkingSetMb)> { (0, 0, 0) };
        var (heap0, workingSet0) = Measure();
        var activated = 0;
        using (var progress = new Progress("memory: activating grains", count))
        {
            for (var step = 1; step <= steps; step++)
            {
                var until = (int)((long)count * step / steps);
                var versions = await Task.WhenAll(Enumerable.Range(activated, until - activated)
                    .Chunk(256)
                    .Select(async chunk =>
                    {
                        var found = 0;
                        foreach (var i in chunk)
                        {
                            found += await node.Grains.GetGrain<ICustomerGrain>(ids[i]).GetSessionVersion() is null ? 0 : 1;
                            progress.Advance();
                        }
                        return found;
                    }));
                if (versions.Sum() != until - activated)
                {
                    throw new InvalidOperationException("a seeded customer did not find its state");
                }
                activated = until;
                var (heap, workingSet) = Measure();
                grainCurve.Add((activated, (heap - heap0) / 1e6, (workingSet - workingSet0) / 1e6));
            }
        }

        // 2. The baseline: the same number of customer state objects, held in a list, measured the same way.
        var stateCurve = new List<(double Count, double ManagedMb, double WorkingSetMb)> { (0, 0, 0) };
        var states = new List<CustomerState>(count);
        var (stateHeap0, stateWorkingSet0) = Measure();
        using (var progress = new Progress("memory: plain state objects", count))
        {
            for (var step = 1; step <= steps; step++)
            {
                var until = (int)((long)count * step / steps);
                for (var i = states.Count; i < until; i++)
                {
                    states.Add(NewState(Guid.CreateVersion7(), i, registeredAt));
                    progress.Advance();
                }
                var (heap, workingSet) = Measure();
                stateCurve.Add((states.Count, (heap - stateHeap0) / 1e6, (workingSet - stateWorkingSet0) / 1e6));
            }
        }
        GC.KeepAlive(states);

        var perGrain = grainCurve[^1].ManagedMb * 1e6 / count;
        var perState = stateCurve[^1].ManagedMb * 1e6 / count;
        var perGrainWorkingSet = grainCurve[^1].WorkingSetMb * 1e6 / count;
        var results = Path.GetDirectoryName(Path.GetFullPath(reportPath))!;
        var chart = Chart.Write(Path.Combine(results, "memory-activations.png"), "objects (activations or state objects)", "managed heap growth (MB)",
        [
            new Series("idle customer grain activations, managed heap after a full GC", grainCurve.Select(p => (p.Count, p.ManagedMb)).ToList(), Chart.Blue),
            new Series("idle customer grain activations, working set", grainCurve.Select(p => (p.Count, p.WorkingSetMb)).ToList(), Chart.Orange),
            new Series("plain customer state objects (baseline), managed heap", stateCurve.Select(p => (p.Count, p.ManagedMb)).ToList(), Chart.Green),
        ]);

        var text = new StringBuilder();
        text.AppendLine("## Memory: idle customer grain activations");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{count} registered customers (a full profile each), activated in {steps} steps by a read in one node in this process; after each step a full, compacting garbage collection, then the managed heap (`GC.GetTotalMemory(true)`) and the working set. Baseline in the same process: {count} plain `CustomerState` objects with the same profile data, held in a list and measured the same way (`BENCH_ACTIVATIONS`).");
        text.AppendLine();
        text.AppendLine("| what | value |");
        text.AppendLine("| --- | --- |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| managed heap growth for {count} idle customer grain activations | {grainCurve[^1].ManagedMb:0.0} MB |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| **managed heap per idle customer activation** | **{perGrain / 1024:0.00} KiB** |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| working set per idle customer activation (noisier: the runtime keeps freed pages) | {perGrainWorkingSet / 1024:0.00} KiB |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| baseline: managed heap per plain customer state object | {perState / 1024:0.00} KiB |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| **ratio activation / plain state** | **{perGrain / perState:0.0}** |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| what Orleans adds per activation (activation, directory entry, message and storage bookkeeping) | {(perGrain - perState) / 1024:0.00} KiB |");
        text.AppendLine();
        text.AppendLine(chart);

        Console.WriteLine();
        Console.WriteLine(text);
        Directory.CreateDirectory(results);
        await File.WriteAllTextAsync(reportPath, text.ToString());
        await File.WriteAllTextAsync(Path.ChangeExtension(reportPath, ".summary.tsv"), string.Create(CultureInfo.InvariantCulture,
            $"memory per idle customer grain activation ({count} activations)\t{perGrain / 1024:0.00} KiB managed heap\tplain customer state object {perState / 1024:0.00} KiB\t{perGrain / perState:0.0}\n"));
        return 0;

        string Arg(string name, string? fallback = null)
        {
            var index = Array.IndexOf(args, $"--{name}");
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback ?? throw new ArgumentException($"--{name} is required");
        }
    }

    /// <summary>A registered customer as the grain keeps it: every string its own object, as after deserialisation.</summary>
    private static CustomerState NewState(Guid id, int i, DateTimeOffset registeredAt) => new()
    {
        Profile = new CustomerProfile(id, $"Bench{i}", $"Customer{i}", $"bench-{i}@example.test", "Female", null, $"+3247012{i:0000}",
            new PostalAddress($"Benchstraat {i}", $"{i % 200 + 1}", null, "1000", $"Brussel{i % 3}", "BE"), AccountType.Consumer, null, 1, registeredAt),
    };

    /// <summary>Managed heap after a full, compacting collection, and the working set.</summary>
    private static (long Heap, long WorkingSet) Measure()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return (GC.GetTotalMemory(forceFullCollection: true), process.WorkingSet64);
    }
}
