using CrossModalML.Data;
using CrossModalML.Evaluation;
using CrossModalML.Packaging;

namespace CrossModalML.Cli.Commands.Retrain;

/// <summary>The <c>--report</c> of <c>crossmodal retrain</c>; serialized with <see cref="ManifestJson.Options"/>, its property names are the JSON keys.</summary>
/// <param name="Task">The task the model solves.</param>
/// <param name="Label">The label column.</param>
/// <param name="Trainer">The new model's trainer and hyperparameters.</param>
/// <param name="Search">The new search's summary, with <c>--search</c>.</param>
/// <param name="HoldOutRows">New posts held out to compare the models.</param>
/// <param name="TrainingRows">Posts the new model was refitted on.</param>
/// <param name="OldMetrics">The old model on the hold-out.</param>
/// <param name="NewMetrics">The new model on the same hold-out.</param>
/// <param name="PrimaryMetric">The metric the comparison goes by: RMSE or macro-F1.</param>
/// <param name="PrimaryChange">New minus old on that metric.</param>
/// <param name="Improved">Whether the new model is better on the hold-out.</param>
/// <param name="KeptOldModel">Whether <c>--keep-better</c> wrote a copy of the old model instead.</param>
/// <param name="OldRowsAdded">Old posts trained on together with the new ones.</param>
/// <param name="Warnings">What the retraining warned about.</param>
/// <param name="Model">The full path of the model zip written.</param>
internal sealed record RetrainReport(
    TaskKind Task,
    string Label,
    TrainerSpec Trainer,
    SearchSummary? Search,
    int HoldOutRows,
    int TrainingRows,
    EvaluationMetrics OldMetrics,
    EvaluationMetrics NewMetrics,
    string PrimaryMetric,
    double PrimaryChange,
    bool Improved,
    bool KeptOldModel,
    int OldRowsAdded,
    IReadOnlyList<string> Warnings,
    string Model);
