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

    /// <summary>The ensemble's gain over the best trial on rows its weights were not selected on (selected on one half of
    /// the out-of-fold rows and scored on the other, both ways round): the figure the ensemble was kept by
    /// (<see cref="AutoML.AutoMLExperimentOptions.EnsembleMinimumGain"/>). <c>null</c> in manifests written before it was recorded.</summary>
    public double? CrossFittedGain { get; init; }

    /// <summary>The bootstrap standard error of <see cref="CrossFittedGain"/>, which the gain had to reach
    /// <see cref="AutoML.AutoMLExperimentOptions.EnsembleMinimumStandardErrors"/> times. <c>null</c> in manifests written
    /// before it was recorded.</summary>
    public double? CrossFittedGainStandardError { get; init; }

    /// <summary>How many leaderboard trials were candidates.</summary>
    public required int Candidates { get; init; }

    /// <summary>Rounds of greedy selection with replacement.</summary>
    public required int Rounds { get; init; }

    /// <summary>Training rows the selection scored (rows some fold tested).</summary>
    public required int Rows { get; init; }
}
