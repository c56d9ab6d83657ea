namespace CrossModalML.Tests.Fuzz;

/// <summary>What a fuzz run saw: how many cases gave a result and how many a toolkit error, and the slowest case.</summary>
internal sealed class FuzzSummary
{
    private long _slowestTicks;

    public int Cases => Accepted + Rejected;

    public int Accepted { get; set; }

    public int Rejected { get; set; }

    public List<string> Messages { get; } = [];

    public TimeSpan Slowest => TimeSpan.FromTicks(_slowestTicks);

    public void Record(TimeSpan elapsed) => _slowestTicks = Math.Max(_slowestTicks, elapsed.Ticks);

    public override string ToString() =>
        $"{Cases} cases: {Accepted} gave a result, {Rejected} a toolkit error; slowest {Slowest.TotalMilliseconds:0} ms.";
}
