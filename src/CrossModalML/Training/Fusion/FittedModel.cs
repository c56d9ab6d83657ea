using CrossModalML.Training.Imbalance;
using Microsoft.ML;
using CrossModalML.Packaging;

namespace CrossModalML.Training.Fusion;

/// <summary>One fit's model with what the fit chose along the way.</summary>
/// <param name="Model">The saved-model chain.</param>
/// <param name="Fusion">The fusion summary; <c>null</c> for a plain early-fusion fit.</param>
/// <param name="Threshold">The tuned binary threshold; <c>null</c> for 0.5. <paramref name="Model"/> (and <paramref name="Alternative"/>)
/// already apply it in their <c>PredictedLabel</c> (<see cref="DecisionThresholdStep"/>).</param>
/// <param name="Alternative">The fusion that lost an automatic choice, when asked for; <c>null</c> otherwise.</param>
internal sealed record FittedModel(ITransformer Model, FusionSummary? Fusion, ThresholdTuning? Threshold, ITransformer? Alternative = null);
