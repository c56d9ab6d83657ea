using CrossModalML.Data;
using CrossModalML.Evaluation;
using CrossModalML.Featurization;

namespace CrossModalML.AutoML;

/// <summary>One AutoML trial as a worker receives it: the search's posts (by file, or in full) and settings, and the
/// configuration to evaluate.</summary>
/// <param name="OnDisk">The search's posts by file, when they were loaded whole from one (the worker loads them itself).</param>
/// <param name="Data">Otherwise the posts themselves. Either way their image paths must be readable on the worker.</param>
/// <param name="Featurizer">The search's base featurizer options (machine settings such as the encoding cache stay the worker's).</param>
/// <param name="Evaluation">The search's evaluation settings.</param>
/// <param name="Seed">The search seed.</param>
/// <param name="Configuration">The trainer and featurizer choice to evaluate.</param>
internal sealed record TrialWork(PostsOnDisk? OnDisk, PortablePosts? Data, FeaturizerOptions Featurizer, EvaluationOptions Evaluation, int Seed, TrialConfiguration Configuration);
