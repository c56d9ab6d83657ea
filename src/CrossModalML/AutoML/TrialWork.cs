using CrossModalML.Data;
using CrossModalML.Evaluation;
using CrossModalML.Featurization;

namespace CrossModalML.AutoML;

/// <summary>One AutoML trial as a worker receives it: the search's posts and settings, and the configuration to evaluate.</summary>
/// <param name="Data">The labelled posts of the search (image paths must be readable on the worker).</param>
/// <param name="Featurizer">The search's base featurizer options (machine settings such as the encoding cache stay the worker's).</param>
/// <param name="Evaluation">The search's evaluation settings.</param>
/// <param name="Seed">The search seed.</param>
/// <param name="Configuration">The trainer and featurizer choice to evaluate.</param>
internal sealed record TrialWork(PortablePosts Data, FeaturizerOptions Featurizer, EvaluationOptions Evaluation, int Seed, TrialConfiguration Configuration);
