using CrossModalML.Featurization;
using CrossModalML.Evaluation;

namespace CrossModalML.Packaging;

/// <summary>How much a late-fusion stacker trusts one modality.</summary>
/// <param name="Modality">The modality.</param>
/// <param name="Weight">Its share of the stacker's standardised coefficients: the sum over the modality's stacker inputs
/// of |coefficient| × the input's standard deviation (over classes too, for multiclass), divided by that sum over all
/// modalities. The weights sum to 1; a modality the stacker ignores gets 0.</param>
/// <param name="Dimensions">Length of the modality's feature vector.</param>
/// <param name="Validation">The modality's own model on its out-of-fold predictions of the training rows (how good it is alone).</param>
public sealed record ModalityWeight(Modality Modality, double Weight, int Dimensions, EvaluationMetrics Validation);
