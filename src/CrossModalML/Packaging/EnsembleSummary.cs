using CrossModalML.Evaluation;

namespace CrossModalML.Packaging;

/// <summary>How a search's ensemble was built: its members and weights, and its score against the best single trial.</summary>
public sealed record EnsembleSummary
{
    /// <summary>The selected trials with their weights, heaviest first.</summary>
    public required IReadOnlyList<EnsembleMember> Members { get; init; }

    /// <summary>The metric the selection optimised (the search metric).</summary>
    public required AutoMLMetric Metric { get; init; }

    /// <summary>The weighted average's score on the out-of-fold predictions.</summary>
    public required double Score { get; init; }

    /// <summary>The best single trial's score on the same predictions.</summary>
    public required double BestSingleScore { get; init; }

    /// <summary>How many leaderboard trials were candidates.</summary>
    public required int Candidates { get; init; }

    /// <summary>Rounds of greedy selection with replacement.</summary>
    public required int Rounds { get; init; }

    /// <summary>Training rows the selection scored (rows some fold tested).</summary>
    public required int Rows { get; init; }
}
