using CrossModalML.Evaluation;

namespace CrossModalML.Packaging;

/// <summary>A binary decision threshold chosen on validation predictions, and what it bought there.</summary>
/// <param name="Threshold">Posts whose positive-class probability is at least this are predicted positive (instead of 0.5).</param>
/// <param name="Objective">The metric the threshold maximises.</param>
/// <param name="ScoreAtDefault">The objective on the validation predictions at threshold 0.5.</param>
/// <param name="ScoreAtThreshold">The objective on the same predictions at <paramref name="Threshold"/>.</param>
/// <param name="Rows">How many validation predictions the threshold was chosen on (out-of-fold predictions of the training rows).</param>
public sealed record ThresholdTuning(double Threshold, ClassificationObjective Objective, double ScoreAtDefault, double ScoreAtThreshold, int Rows);
