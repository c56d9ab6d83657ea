using CrossModalML.Data;
using CrossModalML.Evaluation;
using CrossModalML.Featurization.Encoders;
using Microsoft.ML;

namespace CrossModalML.Prediction;

/// <summary>Turns a model's outputs into <see cref="PostPrediction"/>s: one post from a pooled engine, or many from one
/// <see cref="ITransformer.Transform"/> pass.</summary>
/// <remarks>Thread-safe as long as each engine is used by one caller, as a <see cref="ModelLease"/> ensures.</remarks>
internal static class PostScorer
{
    /// <summary>Scores the post <paramref name="fill"/> writes into the lease's engine.</summary>
    public static PostPrediction ScoreOne(ModelLease lease, Action<ScoringInputRow> fill)
    {
        var generation = lease.Generation;
        var engine = lease.Engine;
        engine.Input.ImageWarnings.Clear();
        fill(engine.Input);
        var warnings = engine.Input.ImageWarnings.ToList();
        var manifest = generation.Manifest;
        PostPrediction main;
        switch (manifest.Task)
        {
            case TaskKind.Regression:
                main = PredictionBuilder.Regression(engine.ScoreScalar());
                break;
            case TaskKind.Binary:
                main = PredictionBuilder.Binary(
                    manifest.ClassLabels, PredictionBuilder.BinaryProbabilities(engine.ScoreScalar(), engine.BinaryIsCalibrated), manifest.Decision(), engine.ReadDecision);
                break;
            default:
                var scores = new float[manifest.ClassLabels.Count];
                engine.ScoreVector(scores);
                PredictionBuilder.Normalize(scores);
                main = PredictionBuilder.Classification(manifest.ClassLabels, scores);
                break;
        }

        main = main with { ModelVersion = generation.Version };
        if (warnings.Count > 0)
        {
            main = main with { Warnings = warnings };
        }

        return engine.Tasks.Count == 0 ? main : main with { Tasks = ReadTasks(engine, main.Warnings) };
    }

    /// <summary>Scores every post of a data set whose images the caller has already checked.</summary>
    public static IReadOnlyList<PostPrediction> ScoreMany(ModelGeneration generation, PostDataset posts)
    {
        var manifest = generation.Manifest;
        LoadedModelEncoding.Warm(generation.Package.Model, posts.DataView);
        var scored = generation.Package.Model.Transform(posts.DataView);
        var warnings = posts.ImageWarnings();
        var main = Read(scored, manifest.Task, manifest.ClassLabels, string.Empty, manifest.Decision())
            .Select((prediction, row) => (warnings[row].Count == 0 ? prediction : prediction with { Warnings = warnings[row] }) with { ModelVersion = generation.Version })
            .ToList();
        if (manifest.Tasks is not { Count: > 0 } taskList)
        {
            return main;
        }

        var byTask = taskList.Select(t => (t.Name, Predictions: Read(scored, t.Task, t.ClassLabels, TaskColumns.Prefix(t.Name)))).ToList();
        return main.Select((prediction, row) => prediction with
        {
            Tasks = byTask.ToDictionary(t => t.Name, t => warnings[row].Count == 0 ? t.Predictions[row] : t.Predictions[row] with { Warnings = warnings[row] }, StringComparer.Ordinal),
        }).ToList();
    }

    private static Dictionary<string, PostPrediction> ReadTasks(ScoringEngine engine, IReadOnlyList<string> warnings)
    {
        var tasks = new Dictionary<string, PostPrediction>(engine.Tasks.Count, StringComparer.Ordinal);
        for (int i = 0; i < engine.Tasks.Count; i++)
        {
            var output = engine.Tasks[i];
            var buffer = new float[output.Task.ClassLabels.Count];
            float value = engine.ReadTask(i, buffer);
            var prediction = output.Task.Task switch
            {
                TaskKind.Regression => PredictionBuilder.Regression(value),
                TaskKind.Binary => PredictionBuilder.Classification(output.Task.ClassLabels, PredictionBuilder.BinaryProbabilities(value, output.BinaryIsCalibrated)),
                _ => PredictionBuilder.Classification(output.Task.ClassLabels, PredictionBuilder.NormalizedCopy(buffer)),
            };
            tasks[output.Task.Name] = prediction with { Warnings = warnings };
        }

        return tasks;
    }

    private static List<PostPrediction> Read(IDataView scored, TaskKind task, IReadOnlyList<string> classLabels, string prefix, BinaryDecision decision = default)
    {
        if (task == TaskKind.Regression)
        {
            return ScoredOutput.ReadValues(scored, prefix).Select(PredictionBuilder.Regression).ToList();
        }

        var probabilities = ScoredOutput.ReadProbabilities(scored, task, classLabels.Count, prefix);
        if (task == TaskKind.Binary && decision.InModel)
        {
            var positives = ScoredOutput.ReadDecisions(scored, prefix);
            return probabilities.Select((p, row) => PredictionBuilder.Binary(classLabels, p, positives[row])).ToList();
        }

        return probabilities.Select(p => PredictionBuilder.Classification(classLabels, p, task == TaskKind.Binary ? decision.Threshold : null)).ToList();
    }
}
