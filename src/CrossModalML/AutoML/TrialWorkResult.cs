using CrossModalML.Evaluation;

namespace CrossModalML.AutoML;

/// <summary>What a trial gives back from a worker: each fold's metrics, and for classification the out-of-fold class
/// probabilities per training row (<c>null</c> for rows no fold tested) that ensemble selection needs.</summary>
internal sealed record TrialWorkResult(EvaluationMetrics[] Folds, float[]?[]? OutOfFold);
