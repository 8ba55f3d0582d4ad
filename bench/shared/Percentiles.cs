namespace MyStamp.Bench.Shared;

/// <summary>The median, the 99th percentile (nearest rank) and the maximum of a benchmark's samples; NaN when there are none.</summary>
internal readonly record struct Percentiles(double P50, double P99, double Max)
{
    public static Percentiles Of(IReadOnlyCollection<double> samples)
    {
        if (samples.Count == 0)
        {
            return new(double.NaN, double.NaN, double.NaN);
        }
        var sorted = samples.Order().ToArray();
        double At(double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new(At(0.50), At(0.99), sorted[^1]);
    }
}
