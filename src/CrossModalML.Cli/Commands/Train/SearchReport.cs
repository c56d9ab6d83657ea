using CrossModalML.Data;
using CrossModalML.Evaluation;
using CrossModalML.Packaging;

namespace CrossModalML.Cli.Commands.Train;

/// <summary>The <c>--report</c> of a search (or a preset that searched); serialized with <see cref="ManifestJson.Options"/>,
/// its property names are the JSON keys.</summary>
/// <param name="Task">The task the model solves.</param>
/// <param name="Label">The label column.</param>
/// <param name="ClassLabels">The classes, in the model's order; empty for regression.</param>
/// <param name="Trainer">The winning trainer and its hyperparameters.</param>
/// <param name="Evaluation">How the metrics were measured (the test set's description with <c>--test-dataset</c>).</param>
/// <param name="Metrics">The winner's metrics; <c>null</c> without evaluation.</param>
/// <param name="Best">The search's summary: metric, best trial, stop reason.</param>
/// <param name="Ensemble">The ensemble of the best trials, when one was built.</param>
/// <param name="Fusion">How the modalities were fused (early when nothing else was asked).</param>
/// <param name="DecisionThreshold">The tuned binary decision threshold, if any.</param>
/// <param name="Leaderboard">Every trial, best first.</param>
/// <param name="Data">The rows read, used and skipped and the data's fingerprint.</param>
/// <param name="Loading">What loading found: column roles, skipped rows, warnings.</param>
/// <param name="Model">The full path of the model zip.</param>
/// <param name="DurationSeconds">How long the winner's refit took.</param>
internal sealed record SearchReport(
    TaskKind Task,
    string? Label,
    IReadOnlyList<string> ClassLabels,
    TrainerSpec Trainer,
    string Evaluation,
    EvaluationMetrics? Metrics,
    SearchSummary Best,
    EnsembleSummary? Ensemble,
    FusionSummary Fusion,
    ThresholdTuning? DecisionThreshold,
    IReadOnlyList<LeaderboardEntry> Leaderboard,
    DataSummary Data,
    DataLoadReport Loading,
    string Model,
    double DurationSeconds);
