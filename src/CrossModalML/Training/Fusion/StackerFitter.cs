using CrossModalML.Data;
using CrossModalML.Evaluation;
using CrossModalML.Featurization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace CrossModalML.Training.Fusion;

/// <summary>Fits the late-fusion stacker on the modality models' out-of-fold scores: L-BFGS logistic regression (binary)
/// or maximum entropy (multiclass), with light L2 and no L1.</summary>
internal sealed class StackerFitter
{
    private readonly MLContext _mlContext;
    private readonly FusionTrainingSet _set;
    private readonly bool _weighted;

    /// <param name="mlContext">The context the stacker is fitted in.</param>
    /// <param name="set">The training rows and their labels.</param>
    /// <param name="weighted">Whether rows are weighted by class (the trainer's <c>ClassWeighting</c>).</param>
    public StackerFitter(MLContext mlContext, FusionTrainingSet set, bool weighted)
    {
        _mlContext = mlContext;
        _set = set;
        _weighted = weighted;
    }

    /// <summary>Fits the stacker on some rows of <paramref name="stack"/>.</summary>
    /// <param name="stack">Every training row's modality scores, concatenated in modality order.</param>
    /// <param name="rows">The rows to fit on, over-sampled already if need be.</param>
    /// <returns>The stacker, and its weights (one row per class for multiclass, one row for binary) and biases.</returns>
    public (ITransformer Stacker, IReadOnlyList<IReadOnlyList<double>> Weights, IReadOnlyList<double> Biases) Fit(FeatureMatrix stack, IReadOnlyList<int> rows)
    {
        var view = _set.View(FusionColumns.StackerFeatures, stack, rows);
        string? weightColumn = _weighted ? ModelColumns.ClassWeight : null;

        // Light L2 and no L1: the stacker has a handful of inputs, and a modality should lose weight smoothly rather than be cut.
        if (_set.Task == TaskKind.Binary)
        {
            var binary = _mlContext.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = ModelColumns.EncodedLabel,
                FeatureColumnName = FusionColumns.StackerFeatures,
                ExampleWeightColumnName = weightColumn,
                L1Regularization = 0,
                L2Regularization = 1,
            }).Fit(view);
            var linear = binary.Model.SubModel;
            return (binary, [linear.Weights.Select(w => (double)w).ToArray()], [linear.Bias]);
        }

        var multiclass = _mlContext.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = ModelColumns.EncodedLabel,
            FeatureColumnName = FusionColumns.StackerFeatures,
            ExampleWeightColumnName = weightColumn,
            L1Regularization = 0,
            L2Regularization = 1,
        }).Fit(view);
        VBuffer<float>[] classWeights = [];
        multiclass.Model.GetWeights(ref classWeights, out _);
        var rowsOfWeights = classWeights.Select(w =>
        {
            var dense = new float[stack.Length];
            w.CopyTo(dense);
            return (IReadOnlyList<double>)dense.Select(v => (double)v).ToArray();
        }).ToArray();
        return (multiclass, rowsOfWeights, multiclass.Model.GetBiases().Select(b => (double)b).ToArray());
    }
}
