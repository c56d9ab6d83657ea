namespace CrossModalML.AutoML;

/// <summary>Orders trials into a leaderboard.</summary>
public static class Leaderboard
{
    /// <summary>Ranks trials: completed ones by score (best first; on a tie the earlier trial ranks higher, since it
    /// reached that score first and with a cheaper search), then timed-out and failed ones in trial order.</summary>
    /// <param name="trials">Finished trials.</param>
    public static IReadOnlyList<TrialResult> Rank(IEnumerable<TrialResult> trials)
    {
        ArgumentNullException.ThrowIfNull(trials);
        return trials
            .Where(t => t.Status != TrialStatus.Running)
            .OrderBy(t => t.Status == TrialStatus.Completed ? 0 : 1)
            .ThenBy(t => t.Status == TrialStatus.Completed ? t.Loss : 0)
            .ThenBy(t => t.Number)
            .ToList();
    }
}
