using CrossModalML.Training;
using CrossModalML.Featurization;

namespace CrossModalML.Packaging;

/// <summary>One trial in an ensemble and its weight.</summary>
/// <param name="Trial">The trial's number in the search.</param>
/// <param name="Trainer">The trial's trainer and hyperparameters.</param>
/// <param name="Featurizer">The trial's featurizer settings.</param>
/// <param name="Weight">The share of the ensemble's average this trial's probabilities get.</param>
/// <param name="Score">The trial's own score on the search metric.</param>
public sealed record EnsembleMember(int Trial, TrainerSpec Trainer, FeaturizerChoice Featurizer, double Weight, double Score);
