using System.Text.Json.Serialization;
using CrossModalML.Training;
using CrossModalML.Evaluation;

namespace CrossModalML.AutoML;

/// <summary>One trial of a search: what was tried, how it scored, how long it took, and how it ended.</summary>
/// <remarks>Immutable. A <see cref="TrialStatus.Running"/> report carries only the number, point and configuration.</remarks>
public sealed record TrialResult
{
    /// <summary>1-based trial number, in the order trials started.</summary>
    public required int Number { get; init; }

    /// <summary>The point the tuner proposed.</summary>
    [JsonIgnore]
    public required SearchPoint Point { get; init; }

    /// <summary>The trainer, hyperparameters and featurizer settings the point stands for.</summary>
    public required TrialConfiguration Configuration { get; init; }

    /// <summary>How the trial ended.</summary>
    public required TrialStatus Status { get; init; }

    /// <summary>The search metric.</summary>
    public required AutoMLMetric Metric { get; init; }

    /// <summary>The metric pooled over folds (from the summed confusion matrix, or size-weighted; the fold mean for AUC
    /// and R², which cannot be pooled); the single fold's value for a hold-out; NaN unless <see cref="Status"/> is Completed.</summary>
    public double Score { get; init; } = double.NaN;

    /// <summary>Sample standard deviation of the metric over folds; 0 for a single fold, NaN unless Completed.</summary>
    public double ScoreStd { get; init; } = double.NaN;

    /// <summary>The metric on each fold.</summary>
    public IReadOnlyList<double> FoldScores { get; init; } = [];

    /// <summary>All metrics averaged over folds; <c>null</c> unless Completed (or when a fake runner gives none).</summary>
    public EvaluationMetrics? Metrics { get; init; }

    /// <summary>What the tuner minimises: the score, negated when higher is better; +∞ unless Completed.</summary>
    [JsonIgnore]
    public double Loss { get; init; } = double.PositiveInfinity;

    /// <summary>Wall time of the timed part of the trial (fits and scoring, not the shared featurization); for a timed-out
    /// trial, the time limit it hit.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>The cost the tuner was told: seconds of <see cref="Duration"/> in a time-bounded search, or
    /// <see cref="SearchSpace.EstimateCost"/> when a trial count bounds the search (so that decisions do not depend on the clock).</summary>
    [JsonIgnore]
    public double Cost { get; init; }

    /// <summary>Why the trial failed or timed out; <c>null</c> otherwise.</summary>
    public string? Message { get; init; }

    /// <summary>How many of the training rows the trial was fitted and scored on when the search sampled rows (see
    /// <see cref="AutoMLExperimentOptions.TrialRowLimit"/>); <c>null</c> when it used every row.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? SampleRows { get; init; }

    /// <summary>Whether this trial became the best so far when it finished.</summary>
    public bool IsNewBest { get; init; }

    /// <summary>Whether this is one of the search's starting configurations, the single fit's configuration
    /// (<see cref="AutoMLExperimentOptions.StartFromDefault"/>) or the same on the built-in features
    /// (<see cref="AutoMLExperimentOptions.StartWithBuiltInFeatures"/>): it has no trial time limit, counts towards
    /// <see cref="SearchBudget.MaxTrials"/>, and the time budget starts when the last of them ends. Not saved with the trial.</summary>
    [JsonIgnore]
    public bool IsDefaultConfiguration { get; init; }
}
