using CrossModalML.Data;
using CrossModalML.Evaluation;
using CrossModalML.Featurization;
using CrossModalML.Packaging;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CrossModalML.Training;

/// <summary>Fits the model chain on many rows with the featurized rows kept in a temporary file instead of in memory.</summary>
/// <remarks>
/// <para>Trainers pass over the features many times, so <see cref="ModelPipelineBuilder.Model"/> caches them in memory;
/// on 300,000 posts that cache held most of a refit's memory, and it grows with every row. From
/// <see cref="RowThreshold"/> rows the featurizer is fitted first, its output (the features, the encoded label and the
/// class weight, nothing else) is written once to a binary file in the temp folder, and the normaliser and trainer
/// stream over that file on each pass; the file is deleted when the fit ends, whether it succeeds or not.</para>
/// <para>The model is the same chain (featurizer, normaliser, trainer, key-to-text), fitted on the same values in the same
/// order, so it predicts exactly as the in-memory fit does. The price is disk: about as many bytes as the in-memory
/// cache would have held.</para>
/// </remarks>
internal static class SpilledFeatureFit
{
    /// <summary>From this many training rows a fit keeps its featurized rows on disk.</summary>
    public const int RowThreshold = 100_000;

    /// <summary>Fits featurizer, learner and (multiclass) key-to-text on <paramref name="encoded"/>.</summary>
    /// <param name="mlContext">The context to fit in.</param>
    /// <param name="task">A resolved task.</param>
    /// <param name="featurization">The featurizer, writing <see cref="ModelColumns.Features"/>.</param>
    /// <param name="trainer">The trainer and its hyperparameters.</param>
    /// <param name="encoded">The training rows with <see cref="ModelColumns.EncodedLabel"/> (and the class weight when weighted).</param>
    public static ITransformer Fit(MLContext mlContext, TaskKind task, FeaturizationPipeline featurization, TrainerSpec trainer, IDataView encoded)
    {
        var featurizer = featurization.Estimator.Fit(encoded);
        var featurized = featurizer.Transform(encoded);
        string[] needed = [.. new[] { ModelColumns.Features, ModelColumns.EncodedLabel, ModelColumns.ClassWeight }.Where(c => featurized.Schema.GetColumnOrNull(c) is not null)];
        var kept = mlContext.Transforms.SelectColumns(needed).Fit(featurized).Transform(featurized);
        var path = Path.Combine(Path.GetTempPath(), $"crossmodal-features-{Guid.NewGuid():N}.idv");
        try
        {
            using (var stream = File.Create(path))
            {
                mlContext.Data.SaveAsBinary(kept, stream);
            }

            var head = ModelPipelineBuilder.Learner(mlContext, task, trainer, featurization.Scaling);
            if (task == TaskKind.Multiclass)
            {
                head = head.Append(mlContext.Transforms.Conversion.MapKeyToValue(ModelColumns.PredictedLabel));
            }

            var fittedHead = (IEnumerable<ITransformer>)head.Fit(mlContext.Data.LoadFromBinary(path));
            return new TransformerChain<ITransformer>([featurizer, .. fittedHead]);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
