using CrossModalML.Packaging;
using CrossModalML.Evaluation;

namespace CrossModalML.Training.Fusion;

/// <summary>With <see cref="FusionKind.Auto"/>, both fusions scored on the evaluation's test rows (hold-out, folds or a test
/// set). For information: the choice is made on out-of-fold predictions of the training rows and never sees these rows.</summary>
/// <param name="Early">Early fusion's metrics on the test rows (pooled over folds).</param>
/// <param name="Late">Late fusion's metrics on the same rows.</param>
/// <param name="Evaluation">The evaluation, e.g. "stratified hold-out of 20 %".</param>
public sealed record FusionComparison(EvaluationMetrics Early, EvaluationMetrics Late, string Evaluation);
