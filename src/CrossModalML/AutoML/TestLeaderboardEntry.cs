using CrossModalML.Evaluation;
using CrossModalML.Featurization;
using CrossModalML.Packaging;

namespace CrossModalML.AutoML;

/// <summary>One row of a <see cref="TestLeaderboard"/>: a search trial refit on the training posts (or the saved model
/// itself) with its validation score from the search beside its score on the test posts.</summary>
/// <remarks>Immutable.</remarks>
public sealed record TestLeaderboardEntry
{
    /// <summary>What the row is, in words: <c>trial 3</c>, or <c>ensemble of trials 3, 1</c> for a saved ensemble.</summary>
    public required string Label { get; init; }

    /// <summary>The trial's number in the search; <c>null</c> for the saved ensemble.</summary>
    public int? Trial { get; init; }

    /// <summary>The trainer and hyperparameters; for the saved ensemble, its best member's.</summary>
    public required TrainerSpec Trainer { get; init; }

    /// <summary>The featurizer settings; <c>null</c> for the saved ensemble (each member has its own).</summary>
    public FeaturizerChoice? Featurizer { get; init; }

    /// <summary>Whether this row is the saved model, scored as saved rather than refit: the search's winner, or the ensemble
    /// when the model is one. Its test score is what <see cref="CrossModalModel.Evaluate"/> gives on the same posts.</summary>
    public bool IsSavedModel { get; init; }

    /// <summary>The trial's weight in the saved ensemble; <c>null</c> when the model is no ensemble or the trial is not in it.</summary>
    public double? EnsembleWeight { get; init; }

    /// <summary>The search's score of the trial (pooled over its folds), or the ensemble's out-of-fold score; <c>null</c>
    /// when the trial did not complete.</summary>
    public double? ValidationScore { get; init; }

    /// <summary>The standard deviation of the validation score over folds; <c>null</c> when not known.</summary>
    public double? ValidationScoreStd { get; init; }

    /// <summary>The search metric on the test posts; <c>null</c> when the row was not scored (see <see cref="Message"/>).</summary>
    public double? TestScore { get; init; }

    /// <summary>Every metric on the test posts; <c>null</c> when the row was not scored.</summary>
    public EvaluationMetrics? TestMetrics { get; init; }

    /// <summary>Wall time of the refit and the scoring.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>Why the row has no test score (the trial failed in the search, or its refit failed); <c>null</c> otherwise.</summary>
    public string? Message { get; init; }
}
