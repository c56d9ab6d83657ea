using CrossModalML.Training;
using CrossModalML.Packaging;

namespace CrossModalML.AutoML;

/// <summary>A finished AutoML run: the search, the winner refit on all rows, and the summary for the manifest.</summary>
public sealed record AutoMLResult
{
    /// <summary>The search: every trial, the leaderboard and why it stopped.</summary>
    public required SearchResult Search { get; init; }

    /// <summary>The winner refit on every row through <see cref="CrossModalTrainer"/>. Its <see cref="TrainingResult.Metrics"/>
    /// are the winning trial's (mean over folds on cached features), since the refit itself is not evaluated again.</summary>
    public required TrainingResult Training { get; init; }

    /// <summary>The options of the refit, for <c>TrainingResult.ToManifest</c>.</summary>
    public required TrainingOptions TrainingOptions { get; init; }

    /// <summary>What to record in the manifest's <c>Search</c> entry.</summary>
    public required SearchSummary Summary { get; init; }

    /// <summary>Advice about the run, e.g. accuracy chosen on imbalanced classes.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The ensemble the saved model is, when <see cref="AutoMLExperimentOptions.Ensemble"/> built one; <c>null</c> otherwise.</summary>
    public EnsembleSummary? Ensemble { get; init; }
}
