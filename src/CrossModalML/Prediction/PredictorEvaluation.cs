using CrossModalML.Data;
using CrossModalML.Evaluation;
using CrossModalML.Packaging;

namespace CrossModalML.Prediction;

/// <summary>Scores labelled posts with a loaded model and computes its metrics, warning when the posts are the model's
/// own training rows.</summary>
/// <remarks>Thread-safe: a model's <see cref="Microsoft.ML.ITransformer.Transform"/> may run on many threads.</remarks>
internal static class PredictorEvaluation
{
    /// <summary>The main task's metrics (with the model's tuned decision threshold, if it has one).</summary>
    public static EvaluationMetrics Evaluate(ModelGeneration generation, PostDataset posts)
    {
        var metrics = ModelEvaluator.Evaluate(generation.Context, generation.Package.Model, posts, generation.Manifest.Decision());
        return WithSeenDataWarnings(metrics, generation.Manifest, posts);
    }

    /// <summary>Every task's metrics by task name; a single-task model gives one entry, its label column.</summary>
    public static IReadOnlyDictionary<string, EvaluationMetrics> EvaluateTasks(ModelGeneration generation, PostDataset posts)
    {
        var manifest = generation.Manifest;
        var byTask = manifest.Tasks is { Count: > 0 } tasks
            ? MultiTaskEvaluator.Evaluate(generation.Package.Model, tasks, posts)
            : new Dictionary<string, EvaluationMetrics> { [manifest.LabelColumn] = ModelEvaluator.Evaluate(generation.Context, generation.Package.Model, posts) };
        return byTask.ToDictionary(pair => pair.Key, pair => WithSeenDataWarnings(pair.Value, manifest, posts), StringComparer.Ordinal);
    }

    /// <summary>The metrics with a warning attached when the posts are the model's own training rows.</summary>
    private static EvaluationMetrics WithSeenDataWarnings(EvaluationMetrics metrics, ModelManifest manifest, PostDataset posts)
    {
        var warnings = SeenDataCheck.Warnings(manifest, posts, "this evaluation");
        return warnings.Count == 0 ? metrics : metrics with { Warnings = warnings };
    }
}
