using CrossModalML.Data;
using CrossModalML.Evaluation;
using CrossModalML.Packaging;
using CrossModalML.Training.Fusion;

namespace CrossModalML.Cli.Commands.Train;

/// <summary>The <c>--report</c> of a single fit; serialized with <see cref="ManifestJson.Options"/>, its property names are the JSON keys.</summary>
/// <param name="Task">The task the model solves.</param>
/// <param name="Label">The label column.</param>
/// <param name="ClassLabels">The classes, in the model's order; empty for regression.</param>
/// <param name="Trainer">The trainer and its hyperparameters.</param>
/// <param name="Evaluation">How the metrics were measured.</param>
/// <param name="Metrics">The metrics; <c>null</c> without evaluation.</param>
/// <param name="Folds">Each cross-validation fold's metrics.</param>
/// <param name="Fusion">How the modalities were fused (early when nothing else was asked).</param>
/// <param name="FusionComparison">Early and late fusion on the same rows, when both were fitted.</param>
/// <param name="DecisionThreshold">The tuned binary decision threshold, if any.</param>
/// <param name="OverSampling">Whether minority classes were over-sampled.</param>
/// <param name="Data">The rows read, used and skipped and the data's fingerprint.</param>
/// <param name="Loading">What loading found: column roles, skipped rows, warnings.</param>
/// <param name="Model">The full path of the model zip.</param>
/// <param name="DurationSeconds">How long training took.</param>
internal sealed record SingleFitReport(
    TaskKind Task,
    string? Label,
    IReadOnlyList<string> ClassLabels,
    TrainerSpec Trainer,
    string Evaluation,
    EvaluationMetrics? Metrics,
    IReadOnlyList<EvaluationMetrics> Folds,
    FusionSummary Fusion,
    FusionComparison? FusionComparison,
    ThresholdTuning? DecisionThreshold,
    bool OverSampling,
    DataSummary Data,
    DataLoadReport Loading,
    string Model,
    double DurationSeconds);
