using CrossModalML.Featurization;

namespace CrossModalML.Packaging;

/// <summary>One trial of a search as a manifest records it: what was fitted and how it scored, enough to refit it.</summary>
/// <remarks>To refit a trial as the search's winner was refit, train with <see cref="Trainer"/> and <see cref="Featurizer"/>
/// applied to the manifest's featurizer options (<see cref="FeaturizerChoice.Apply"/>) and the manifest's seed.</remarks>
/// <param name="Number">The trial's 1-based number, in the order trials started.</param>
/// <param name="Trainer">The trainer and hyperparameters.</param>
/// <param name="Featurizer">The featurizer settings.</param>
/// <param name="Status">How the trial ended: <c>Completed</c>, <c>Failed</c> or <c>TimedOut</c>.</param>
/// <param name="Score">The search metric pooled over the trial's folds; <c>null</c> unless the trial completed.</param>
/// <param name="ScoreStd">The metric's standard deviation over folds; <c>null</c> unless the trial completed.</param>
public sealed record SearchTrialRecord(int Number, TrainerSpec Trainer, FeaturizerChoice Featurizer, string Status, double? Score, double? ScoreStd);
