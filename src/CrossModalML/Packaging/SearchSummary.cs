using CrossModalML.Featurization;
using CrossModalML.Evaluation;

namespace CrossModalML.Packaging;

/// <summary>How a model was found, as recorded in its manifest: enough to rerun the search or to refit the winner.</summary>
/// <remarks>To refit exactly, train with <see cref="BestTrainer"/> and <see cref="BestFeaturizer"/> applied to the manifest's
/// featurizer options and the same seed; to rerun the search, use the same budget, tuner, metric and seed.</remarks>
public sealed record SearchSummary
{
    /// <summary>The tuner.</summary>
    public required TunerKind Tuner { get; init; }

    /// <summary>The metric optimised.</summary>
    public required AutoMLMetric Metric { get; init; }

    /// <summary>The search seed.</summary>
    public required int Seed { get; init; }

    /// <summary>The time budget in seconds; <c>null</c> when only the trial count bounded the search.</summary>
    public double? TimeBudgetSeconds { get; init; }

    /// <summary>The maximum trial count; <c>null</c> when only time bounded the search.</summary>
    public int? MaxTrials { get; init; }

    /// <summary>The per-trial time limit in seconds.</summary>
    public required double TrialTimeLimitSeconds { get; init; }

    /// <summary>Trials that ran, of any status.</summary>
    public required int TrialsRun { get; init; }

    /// <summary>Trials that failed or timed out.</summary>
    public required int TrialsFailed { get; init; }

    /// <summary>Why the search ended.</summary>
    public required SearchStopReason StopReason { get; init; }

    /// <summary>How trials were evaluated.</summary>
    public required string Evaluation { get; init; }

    /// <summary>Number of the winning trial.</summary>
    public required int BestTrial { get; init; }

    /// <summary>The winner's mean metric over folds.</summary>
    public required double BestScore { get; init; }

    /// <summary>The standard deviation of the winner's metric over folds.</summary>
    public required double BestScoreStd { get; init; }

    /// <summary>The winning trainer and hyperparameters.</summary>
    public required TrainerSpec BestTrainer { get; init; }

    /// <summary>The winning featurizer settings.</summary>
    public required FeaturizerChoice BestFeaturizer { get; init; }

    /// <summary>Every trial that ran, in trial order, with its configuration and validation score; <c>null</c> in manifests
    /// saved before trials were recorded, whose search left only the winner.</summary>
    public IReadOnlyList<SearchTrialRecord>? Trials { get; init; }
}
