namespace CrossModalML.Analysis.Trends;

/// <summary>A topic that met the emerging rule at some window of the table, judged on observed counts only (the level is
/// the window's count; see <see cref="TrendOptions"/> for the rule).</summary>
/// <param name="Topic">The topic.</param>
/// <param name="FirstFlagged">The start of the first window where the rule held (UTC).</param>
/// <param name="FlaggedWindows">In how many windows the rule held.</param>
/// <param name="MaxScore">The highest score among those windows.</param>
/// <param name="MaxScoreWindow">The start of the window with <see cref="MaxScore"/>.</param>
/// <param name="PeakCount">The topic's highest count in any window.</param>
/// <param name="Peak">The start of the first window with <see cref="PeakCount"/>.</param>
public sealed record EmergenceEvent(string Topic, DateTime FirstFlagged, int FlaggedWindows, double MaxScore, DateTime MaxScoreWindow, int PeakCount, DateTime Peak);
