using CrossModalML.AutoML;
using CrossModalML.Training;

namespace CrossModalML.Packaging;

/// <summary>What a retraining did: the old and new model's quality on the same hold-out of the new data, and the saved model.</summary>
public sealed class RetrainingResult
{
    /// <summary>The old model, unchanged, scored on the hold-out.</summary>
    public required EvaluationMetrics OldMetrics { get; init; }

    /// <summary>The refitted (or newly searched) pipeline, fitted on the other new rows and scored on the same hold-out.</summary>
    public required EvaluationMetrics NewMetrics { get; init; }

    /// <summary>Rows in the hold-out.</summary>
    public required int HoldOutRows { get; init; }

    /// <summary>Rows the saved new model was fitted on: every new row, the hold-out included.</summary>
    public required int TrainingRows { get; init; }

    /// <summary>The search's trials and leaderboard when <see cref="RetrainingOptions.Search"/> was set; <see langword="null"/>
    /// when the recorded trainer was refitted. Its summary is <see cref="ModelManifest.Search"/> of <see cref="Manifest"/>.</summary>
    public SearchResult? Search { get; init; }

    /// <summary>The manifest of the saved new model.</summary>
    public required ModelManifest Manifest { get; init; }

    /// <summary>Where the new model was saved.</summary>
    public required string OutputPath { get; init; }

    /// <summary>New minus old value of the headline metric (<see cref="EvaluationMetrics.Primary"/>: macro-F1, or RMSE for regression).</summary>
    public double PrimaryChange => NewMetrics.Primary - OldMetrics.Primary;

    /// <summary>Whether the new model is better on the headline metric (higher macro-F1, or lower RMSE).</summary>
    public bool Improved => OldMetrics.Task == Data.TaskKind.Regression ? PrimaryChange < 0 : PrimaryChange > 0;
}
