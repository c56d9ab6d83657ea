using CrossModalML.Data;
using CrossModalML.Featurization;
using Microsoft.ML;
using Microsoft.ML.Data;
using CrossModalML.Evaluation;
using CrossModalML.Packaging;

namespace CrossModalML.Training;

/// <summary>Assembles the estimator chains that training fits: the label encoding, and the model itself.</summary>
/// <remarks>
/// The label encoding is kept out of the saved model on purpose: a model must score posts that have no label. The
/// model chain is featurizer → (min–max normaliser for linear trainers, unless the featurizer scaled its blocks) → trainer → (key-to-text for multiclass), so a saved
/// multiclass model writes its <see cref="ModelColumns.PredictedLabel"/> as the class text.
/// </remarks>
internal static class ModelPipelineBuilder
{
    /// <summary>Builds the estimator that writes <see cref="ModelColumns.EncodedLabel"/> from the label column.</summary>
    /// <param name="mlContext">The context to build in.</param>
    /// <param name="task">A resolved task.</param>
    /// <param name="labelColumn">The user's label column.</param>
    /// <param name="classLabels">The classes in order (binary: the second is the positive class); empty for regression.</param>
    /// <param name="classWeights">For classification, a weight per class (see <see cref="ClassWeights.Balanced"/>) to write
    /// into <see cref="ModelColumns.ClassWeight"/> for trainers with <c>ClassWeighting</c> on; <c>null</c> writes none.</param>
    public static IEstimator<ITransformer> LabelEncoding(
        MLContext mlContext, TaskKind task, string labelColumn, IReadOnlyList<string> classLabels, IReadOnlyList<float>? classWeights = null)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(classLabels);
        var encoding = LabelEncoder.Encode(mlContext, task, labelColumn, classLabels);
        if (classWeights is null || task == TaskKind.Regression)
        {
            return encoding;
        }

        return encoding.Append(mlContext.Transforms.Conversion.MapValue(
            ModelColumns.ClassWeight,
            classLabels.Select((c, i) => new KeyValuePair<string, float>(c, classWeights[i])),
            labelColumn));
    }

    /// <summary>Builds the model chain: featurization, optional normalisation, trainer, and output decoding.</summary>
    /// <param name="mlContext">The context to build in.</param>
    /// <param name="task">A resolved task.</param>
    /// <param name="featurization">The featurizer, writing <see cref="ModelColumns.Features"/>.</param>
    /// <param name="trainer">The trainer and its hyperparameters.</param>
    public static IEstimator<ITransformer> Model(MLContext mlContext, TaskKind task, FeaturizationPipeline featurization, TrainerSpec trainer)
    {
        ArgumentNullException.ThrowIfNull(featurization);

        // Trainers pass over the data many times (every L-BFGS iteration, every SDCA epoch); without a cache each pass
        // would run the featurizer again, ONNX image encoding included. The checkpoint only affects fitting.
        var featurized = featurization.Estimator.AppendCacheCheckpoint(mlContext);
        var chain = AppendLearner(mlContext, task, featurized, trainer, featurization.Scaling);
        if (task == TaskKind.Multiclass)
        {
            chain = chain.Append(mlContext.Transforms.Conversion.MapKeyToValue(ModelColumns.PredictedLabel));
        }

        return chain;
    }

    /// <summary>Builds the learning part of the model chain alone: optional normalisation and the trainer, reading
    /// <see cref="ModelColumns.Features"/> and <see cref="ModelColumns.EncodedLabel"/>. For data whose features are already
    /// computed (AutoML trials on cached features); the multiclass output stays a key.</summary>
    /// <param name="mlContext">The context to build in.</param>
    /// <param name="task">A resolved task.</param>
    /// <param name="trainer">The trainer and its hyperparameters.</param>
    /// <param name="scaling">How the featurizer scaled the features: a linear trainer normalises min–max-scaled ones first.</param>
    public static IEstimator<ITransformer> Learner(MLContext mlContext, TaskKind task, TrainerSpec trainer, FeatureScaling scaling = FeatureScaling.MinMax) =>
        AppendLearner(mlContext, task, new EstimatorChain<ITransformer>(), trainer, scaling);

    private static IEstimator<ITransformer> AppendLearner(MLContext mlContext, TaskKind task, IEstimator<ITransformer> chain, TrainerSpec trainer, FeatureScaling scaling)
    {
        if (scaling == FeatureScaling.MinMax && TrainerFactory.NeedsNormalization(trainer.Name))
        {
            chain = chain.Append(mlContext.Transforms.NormalizeMinMax(ModelColumns.Features));
        }

        return chain.Append(TrainerFactory.Create(mlContext, task, trainer, ModelColumns.EncodedLabel, ModelColumns.Features));
    }
}
