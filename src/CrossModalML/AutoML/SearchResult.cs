using CrossModalML.Evaluation;
using CrossModalML.Packaging;

namespace CrossModalML.AutoML;

/// <summary>The outcome of a search, before the winner is refit.</summary>
public sealed record SearchResult
{
    /// <summary>The metric the search optimised.</summary>
    public required AutoMLMetric Metric { get; init; }

    /// <summary>Every finished trial, in the order they ran.</summary>
    public required IReadOnlyList<TrialResult> Trials { get; init; }

    /// <summary>The trials ranked by <see cref="AutoML.Leaderboard.Rank"/>: best first, failures last; except that the
    /// search's starting configuration comes first when the best trial's lead over it is within the noise of the folds
    /// (<see cref="AutoMLExperimentOptions.StartMinimumStandardErrors"/>), since that start is what is refit.</summary>
    public required IReadOnlyList<TrialResult> Leaderboard { get; init; }

    /// <summary>The best completed trial; <c>null</c> when none completed.</summary>
    public TrialResult? Best => Leaderboard.Count > 0 && Leaderboard[0].Status == TrialStatus.Completed ? Leaderboard[0] : null;

    /// <summary>Why the search ended.</summary>
    public required SearchStopReason StopReason { get; init; }

    /// <summary>Wall time of the search.</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>Completes when every trial the search abandoned (past its time limit, or running when the search was
    /// cancelled) has stopped. Such a trial's trainer is asked to stop, and does so at its next internal check; until then
    /// it keeps a core busy, so wait for this before timing other work on the same machine. Never faults.</summary>
    public Task AbandonedTrialsStopped { get; init; } = Task.CompletedTask;
}
