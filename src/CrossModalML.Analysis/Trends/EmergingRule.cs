using System.Globalization;

namespace CrossModalML.Analysis.Trends;

/// <summary>The thresholds an analysis flagged emerging topics with (see <see cref="TrendOptions"/> for the rule).</summary>
/// <param name="ScoreThreshold">Least score, (level − baseline) / √(baseline + 1).</param>
/// <param name="MinimumCount">Least level, in posts per window.</param>
/// <param name="MinimumRatio">Least level / baseline.</param>
/// <param name="BaselineWindows">Windows averaged into the baseline.</param>
public sealed record EmergingRule(double ScoreThreshold, double MinimumCount, double MinimumRatio, int BaselineWindows)
{
    /// <summary>The rule in words.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"level = max(last window's count, next-window forecast); baseline = mean of the {BaselineWindows} windows before the last; emerging when (level − baseline) / √(baseline + 1) ≥ {ScoreThreshold:0.##}, level ≥ {MinimumCount:0.##} and level ≥ {MinimumRatio:0.##} × baseline");
}
