using CrossModalML.AutoML;
using CrossModalML.Training;
using CrossModalML.Data;
using CrossModalML.Evaluation;
using CrossModalML.Packaging;

namespace CrossModalML.Retraining;

/// <summary>What a retraining did: the old and new model's quality on the same hold-out of the new data, and the saved model.</summary>
public sealed class RetrainingResult
{
    /// <summary>The old model, unchanged, scored on the hold-out.</summary>
    public required EvaluationMetrics OldMetrics { get; init; }

    /// <summary>The refitted (or newly searched) pipeline, fitted on the other new rows and scored on the same hold-out.</summary>
    public required EvaluationMetrics NewMetrics { get; init; }

    /// <summary>Rows in the hold-out.</summary>
    public required int HoldOutRows { get; init; }

    /// <summary>Rows the new model was refitted on: every new row, the hold-out included, plus <see cref="OldRowsAdded"/>.</summary>
    public required int TrainingRows { get; init; }

    /// <summary>The search's trials and leaderboard when <see cref="RetrainingOptions.Search"/> was set; <see langword="null"/>
    /// when the recorded trainer was refitted. Its summary is <see cref="ModelManifest.Search"/> of <see cref="Manifest"/>.</summary>
    public SearchResult? Search { get; init; }

    /// <summary>The manifest of the saved model: the new one, or the old one when <see cref="KeptOldModel"/>.</summary>
    public required ModelManifest Manifest { get; init; }

    /// <summary>Where the new model was saved.</summary>
    public required string OutputPath { get; init; }

    /// <summary>Rows of <see cref="RetrainingOptions.OldDataPath"/> the new model was trained on besides the new posts; 0
    /// without old data.</summary>
    public int OldRowsAdded { get; init; }

    /// <summary>Whether <see cref="RetrainingOptions.KeepBetter"/> kept the old model: the new one scored worse on the
    /// hold-out, so <see cref="OutputPath"/> holds a copy of the old zip and <see cref="Manifest"/> is the old manifest.</summary>
    public bool KeptOldModel { get; init; }

    /// <summary>What the reader of the comparison should know, e.g. that the old model's score was measured on rows it
    /// was trained on; empty when there is nothing to say.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>New minus old value of the headline metric (<see cref="EvaluationMetrics.Primary"/>: macro-F1, or RMSE for regression).</summary>
    public double PrimaryChange => NewMetrics.Primary - OldMetrics.Primary;

    /// <summary>Whether the new model is better on the headline metric (higher macro-F1, or lower RMSE).</summary>
    public bool Improved => IsImprovement(OldMetrics, NewMetrics);

    /// <summary>Whether the new model is worse on the headline metric (lower macro-F1, or higher RMSE); a tie is neither.</summary>
    public bool Worsened => IsImprovement(NewMetrics, OldMetrics);

    internal static bool IsImprovement(EvaluationMetrics from, EvaluationMetrics to) =>
        from.Task == Data.TaskKind.Regression ? to.Primary < from.Primary : to.Primary > from.Primary;
}
