using System.Globalization;

namespace MyStamp.Bench.Orders;

/// <summary>
/// CPU time used by processes, from /proc (user + system, in ms): the node processes, the peer's, and PostgreSQL's
/// (its postmaster's children: the backends of the pooled connections, which live through a timed phase).
/// On a machine whose two cores are the limit, CPU per order is what decides the rate.
/// </summary>
internal static class CpuTime
{
    private static readonly double MillisecondsPerTick = 1000.0 / 100; // USER_HZ is 100 on Linux

    public static double Of(IEnumerable<int> pids) => pids.Sum(Of);

    public static double Of(int pid) => Ticks(Stat($"/proc/{pid}/stat"));

    private static double Ticks(string[]? fields) =>
        fields is null ? 0 : (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * MillisecondsPerTick;

    /// <summary>
    /// CPU used so far by each tiered-compilation thread (".NET Tiered Com") of these .NET processes, by process and
    /// thread: the JIT compiling hot methods again, optimised. A server that runs for days has long finished; while it
    /// still works here, a timed phase would measure the compiler, not the shop.
    /// </summary>
    public static Dictionary<(int Pid, string Thread), double> OfJit(IEnumerable<int> pids) => pids
        .SelectMany(pid => ThreadsOf(pid).Where(thread => ThreadName(pid, thread) == ".NET Tiered Com").Select(thread => (pid, thread)))
        .ToDictionary(key => key, key => Ticks(Stat($"/proc/{key.pid}/task/{key.thread}/stat")));

    /// <summary>
    /// CPU the JIT threads used since <paramref name="before"/>. The runtime ends its compilation thread when idle and
    /// starts a new one when needed: a thread started meanwhile counts from zero, and one that ended meanwhile took its
    /// /proc entry with it, so this is a lower bound (a sum over the threads there now would even go below zero).
    /// </summary>
    public static double JitSince(IEnumerable<int> pids, Dictionary<(int Pid, string Thread), double> before) =>
        OfJit(pids).Sum(pair => Math.Max(0, pair.Value - before.GetValueOrDefault(pair.Key)));

    private static IEnumerable<string> ThreadsOf(int pid)
    {
        try
        {
            return Directory.EnumerateDirectories($"/proc/{pid}/task").Select(path => Path.GetFileName(path)).ToList();
        }
        catch (IOException)
        {
            return [];
        }
    }

    private static string? ThreadName(int pid, string thread)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/task/{thread}/comm").TrimEnd('\n');
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>CPU used by each of the postmaster's children now, by process id.</summary>
    public static Dictionary<int, double> OfChildren(int parent) => ChildrenOf(parent).ToDictionary(pid => pid, Of);

    /// <summary>CPU the postmaster's children used since <paramref name="before"/> (a backend started meanwhile counts from zero).</summary>
    public static double ChildrenSince(int parent, Dictionary<int, double> before) =>
        OfChildren(parent).Sum(pair => pair.Value - before.GetValueOrDefault(pair.Key));

    /// <summary>The postmaster's children, PostgreSQL's backends and helpers, at this moment.</summary>
    public static IReadOnlyList<int> ChildrenOf(int parent) =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => int.TryParse(name, out _))
            .Select(name => int.Parse(name!, CultureInfo.InvariantCulture))
            .Where(pid => Stat($"/proc/{pid}/stat") is { } fields && fields[1] == parent.ToString(CultureInfo.InvariantCulture))
            .ToList();

    /// <summary>The fields of a /proc stat file (a process's or a thread's) after the command name (so index 1 is the parent, 11 and 12 utime and stime).</summary>
    private static string[]? Stat(string path)
    {
        try
        {
            var text = File.ReadAllText(path);
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
