namespace CrossModalML.Analysis.Trends;

/// <summary>One topic's state at the latest window of an analysis: its recent counts, its forecast and its emerging score
/// (see <see cref="TrendOptions"/> for the rule).</summary>
/// <param name="Topic">The topic (a hashtag with its <c>#</c>, a column value or a cluster id).</param>
/// <param name="Posts">The topic's posts over the whole table.</param>
/// <param name="FirstSeen">The start of the first window with a post of the topic (UTC).</param>
/// <param name="LastCount">Posts in the latest window.</param>
/// <param name="Baseline">Mean posts per window over the <see cref="TrendOptions.BaselineWindows"/> windows before the latest.</param>
/// <param name="Forecast">The model's forecast for the next window.</param>
/// <param name="Score">The emerging score, (max(last, forecast) − baseline) / √(baseline + 1).</param>
/// <param name="IsEmerging">Whether the topic meets every part of the emerging rule.</param>
public sealed record TopicTrend(string Topic, int Posts, DateTime FirstSeen, int LastCount, double Baseline, double Forecast, double Score, bool IsEmerging)
{
    /// <summary>The level the score compares with the baseline: the larger of <see cref="LastCount"/> and <see cref="Forecast"/>.</summary>
    public double Level => Math.Max(LastCount, Forecast);
}
