namespace CrossModalML.AutoML;

/// <summary>Orders trials into a leaderboard.</summary>
public static class Leaderboard
{
    /// <summary>Ranks trials: completed ones by the rows they were scored on (every row, then the largest sample first,
    /// since a score on more rows is the steadier one; see <see cref="TrialResult.SampleRows"/>), then by score (best first;
    /// on a tie the earlier trial ranks higher, since it reached that score first and with a cheaper search), then
    /// timed-out and failed ones in trial order.</summary>
    /// <param name="trials">Finished trials.</param>
    public static IReadOnlyList<TrialResult> Rank(IEnumerable<TrialResult> trials)
    {
        ArgumentNullException.ThrowIfNull(trials);
        return trials
            .Where(t => t.Status != TrialStatus.Running)
            .OrderBy(t => t.Status == TrialStatus.Completed ? 0 : 1)
            .ThenByDescending(t => t.Status == TrialStatus.Completed ? t.SampleRows ?? int.MaxValue : 0)
            .ThenBy(t => t.Status == TrialStatus.Completed ? t.Loss : 0)
            .ThenBy(t => t.Number)
            .ToList();
    }
}
