namespace CrossModalML.Benchmarks;

/// <summary>Per-call latencies of one measurement and the throughput over its wall time.</summary>
internal sealed record LatencyStats(double P50Microseconds, double P99Microseconds, double CallsPerSecond)
{
    public static LatencyStats From(List<double> microseconds, int threads, TimeSpan wall)
    {
        microseconds.Sort();
        double Percentile(double p) => microseconds[Math.Min(microseconds.Count - 1, (int)Math.Ceiling(p * microseconds.Count) - 1)];
        return new LatencyStats(Percentile(0.50), Percentile(0.99), microseconds.Count / wall.TotalSeconds);
    }
}
