using CrossModalML.Data;
using CrossModalML.Featurization;
using Microsoft.ML;
using Microsoft.ML.Data;
using CrossModalML.Training;
using CrossModalML.Evaluation;
using CrossModalML.Packaging;

namespace CrossModalML.MultiTask;

/// <summary>Fits, scores and renames the per-task heads of a multi-task model on features computed once.</summary>
/// <remarks>A head is its own small chain: (for a stacked head) the concatenation of its features with the auxiliary
/// outputs, (for linear trainers) a min–max normaliser writing a head-private column, and the trainer. The shared <see cref="ModelColumns.Features"/> column is never overwritten, so every head reads at prediction time exactly
/// what it was trained on. A head restricted to some modalities reads <see cref="ModalityFeatures"/>: in training, its slots
/// cut out of the cached features; in the saved chain, its blocks' columns concatenated by a <see cref="Selector"/> step.</remarks>
internal static class HeadPipeline
{
    /// <summary>The auxiliary heads' outputs, concatenated in task order, that a stacked main head reads.</summary>
    public const string AuxiliaryOutputs = "__cm_aux_outputs";

    /// <summary>The slots of the blocks a head restricted to some modalities reads.</summary>
    public const string ModalityFeatures = "__cm_head_modality_features";

    private const string StackedFeatures = "__cm_stacked_features";
    private const string HeadFeatures = "__cm_head_features";

    /// <summary>A view over cached features of some rows with one task's encoded label and class weight; a head restricted
    /// to some modalities finds its slots in <see cref="ModalityFeatures"/>, the others <see cref="ModelColumns.Features"/>.</summary>
    /// <param name="mlContext">The context.</param>
    /// <param name="labels">The task's labels of every row.</param>
    /// <param name="input">The head's part of the shared features.</param>
    /// <param name="features">The rows' shared features, aligned with <paramref name="rows"/>.</param>
    /// <param name="rows">Row indices into <paramref name="labels"/>.</param>
    /// <param name="auxiliary">The auxiliary outputs of the rows (aligned) that a stacked head reads, or <c>null</c>.</param>
    public static IDataView View(MLContext mlContext, TaskLabels labels, HeadInput input, FeatureMatrix features, IReadOnlyList<int> rows, IReadOnlyList<float[]>? auxiliary) =>
        LabelledFeatureView.Create(mlContext, labels.Encoded, rows, InputColumn(input), input.Select(features), auxiliary is null ? null : (AuxiliaryOutputs, FeatureMatrix.Dense(auxiliary)));

    /// <summary>Fits a head on a <see cref="View"/>: optional stacking concatenation and normalisation, then the trainer.</summary>
    public static ITransformer Fit(MLContext mlContext, TaskLabels labels, TrainerSpec trainer, IDataView view, bool stacked, HeadInput input)
    {
        IEstimator<ITransformer> chain = new EstimatorChain<ITransformer>();
        string column = InputColumn(input);
        if (stacked)
        {
            chain = chain.Append(mlContext.Transforms.Concatenate(StackedFeatures, column, AuxiliaryOutputs));
            column = StackedFeatures;
        }

        if (TrainerFactory.NeedsNormalization(trainer.Name))
        {
            chain = chain.Append(mlContext.Transforms.NormalizeMinMax(HeadFeatures, column));
            column = HeadFeatures;
        }

        return chain.Append(TrainerFactory.Create(mlContext, labels.Kind, trainer, ModelColumns.EncodedLabel, column)).Fit(view);
    }

    /// <summary>Fits the step that writes a restricted head's slots into <see cref="ModalityFeatures"/> in the saved chain:
    /// the featurizer's columns of its blocks concatenated in feature order, which are the slots <see cref="View"/> cut out
    /// of the cached features.</summary>
    /// <param name="mlContext">The context.</param>
    /// <param name="input">A head's input that does not read every slot.</param>
    /// <param name="featurized">A view with the featurizer's columns.</param>
    public static ITransformer Selector(MLContext mlContext, HeadInput input, IDataView featurized) =>
        mlContext.Transforms.Concatenate(ModalityFeatures, input.Columns.ToArray()).Fit(featurized);

    private static string InputColumn(HeadInput input) => input.ReadsEverySlot ? ModelColumns.Features : ModalityFeatures;

    /// <summary>Metrics of a head's output over the rows it scored (in order).</summary>
    public static EvaluationMetrics Evaluate(IDataView scored, TaskLabels labels, IReadOnlyList<int> rows) =>
        labels.Kind == TaskKind.Regression
            ? MetricsCalculator.Regression(rows.Select(r => labels.Values[r]).ToList(), ScoredOutput.ReadValues(scored))
            : MetricsCalculator.Classification(labels.Classes, rows.Select(r => labels.ClassIndices[r]).ToList(), ScoredOutput.ReadProbabilities(scored, labels.Kind, labels.Classes.Count));

    /// <summary>The unprefixed output column a stacked head reads from this head: the per-class scores (multiclass),
    /// the calibrated probability when there is one (binary), the score otherwise.</summary>
    public static string OutputColumn(TaskLabels labels, DataViewSchema headOutput) =>
        labels.Kind == TaskKind.Binary && headOutput.GetColumnOrNull(ModelColumns.Probability) is not null ? ModelColumns.Probability : ModelColumns.Score;

    /// <summary>Fits the step after a head that copies its outputs under the task's name (multiclass labels decoded to
    /// text first); the unprefixed outputs stay, so the last head's are the model's own.</summary>
    public static ITransformer Renamer(MLContext mlContext, TaskLabels labels, IDataView scored)
    {
        IEstimator<ITransformer> chain = new EstimatorChain<ITransformer>();
        if (labels.Kind == TaskKind.Multiclass)
        {
            chain = chain.Append(mlContext.Transforms.Conversion.MapKeyToValue(ModelColumns.PredictedLabel));
        }

        var pairs = new List<InputOutputColumnPair>
        {
            new(TaskColumns.Score(labels.Name), ModelColumns.Score),
        };
        if (scored.Schema.GetColumnOrNull(ModelColumns.PredictedLabel) is not null)
        {
            pairs.Add(new(TaskColumns.PredictedLabel(labels.Name), ModelColumns.PredictedLabel));
        }

        if (scored.Schema.GetColumnOrNull(ModelColumns.Probability) is not null)
        {
            pairs.Add(new(TaskColumns.Probability(labels.Name), ModelColumns.Probability));
        }

        foreach (var pair in pairs)
        {
            chain = chain.Append(mlContext.Transforms.CopyColumns(pair.OutputColumnName, pair.InputColumnName));
        }

        return chain.Fit(scored);
    }

    /// <summary>Fits the step that gathers the auxiliary heads' (prefixed) outputs into <see cref="AuxiliaryOutputs"/>.</summary>
    public static ITransformer Gatherer(MLContext mlContext, IReadOnlyList<string> outputColumns, IDataView scored) =>
        mlContext.Transforms.Concatenate(AuxiliaryOutputs, outputColumns.ToArray()).Fit(scored);
}
