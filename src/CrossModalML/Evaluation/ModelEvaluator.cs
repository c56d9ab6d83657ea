using CrossModalML.Data;
using CrossModalML.Featurization.Encoders;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CrossModalML.Evaluation;

/// <summary>Evaluates a fitted or loaded model on labelled posts, with the same metric code as training and search.</summary>
public static class ModelEvaluator
{
    /// <summary>Scores labelled posts with a fitted model and computes its metrics.</summary>
    /// <param name="mlContext">The context to score in.</param>
    /// <param name="model">A fitted model, trained or loaded from a package.</param>
    /// <param name="data">Posts with a label, of the same task and classes as the model.</param>
    /// <param name="decisionThreshold">Binary models: the decision threshold the model was saved with (the manifest's
    /// <c>DecisionThreshold</c>); <c>null</c> for 0.5.</param>
    /// <exception cref="ArgumentException">The data has no label, or a label the model does not know.</exception>
    public static EvaluationMetrics Evaluate(MLContext mlContext, ITransformer model, PostDataset data, double? decisionThreshold = null)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        return Evaluate(mlContext, model, data, BinaryDecision.Cut(decisionThreshold));
    }

    /// <summary>As the public overload, with a binary model's decision taken as <paramref name="decision"/> says.</summary>
    internal static EvaluationMetrics Evaluate(MLContext mlContext, ITransformer model, PostDataset data, BinaryDecision decision)
    {
        var labelColumn = data.LabelColumn
            ?? throw new ArgumentException($"The data set '{data.SourcePath}' has no label column; evaluation needs one.", nameof(data));
        return Evaluate(model, data, LabelEncoder.Encode(mlContext, data.Task, labelColumn, data.ClassLabels), decision);
    }

    internal static EvaluationMetrics Evaluate(ITransformer model, PostDataset data, IEstimator<ITransformer> labelEncoding, BinaryDecision decision)
    {
        var encoded = labelEncoding.Fit(data.DataView).Transform(data.DataView);
        LoadedModelEncoding.Warm(model, encoded);
        var scored = model.Transform(encoded);
        if (data.Task == TaskKind.Regression)
        {
            var truth = scored.GetColumn<float>(ModelColumns.EncodedLabel).ToList();
            return MetricsCalculator.Regression(truth, ScoredOutput.ReadValues(scored));
        }

        var classes = ScoredOutput.ReadClassIndices(scored, data.Task);
        int unknown = classes.IndexOf(-1);
        if (unknown >= 0)
        {
            throw new ArgumentException(
                $"'{data.SourcePath}': label '{data.GetLabels()[unknown]}' in column '{data.LabelColumn}' is not one of the model's classes " +
                $"({string.Join(", ", data.ClassLabels)}).", nameof(data));
        }

        bool binary = data.Task == TaskKind.Binary;
        return MetricsCalculator.Classification(
            data.ClassLabels,
            classes,
            ScoredOutput.ReadProbabilities(scored, data.Task, data.ClassLabels.Count),
            binary ? decision.Threshold : null,
            binary && decision.InModel ? ScoredOutput.ReadDecisions(scored) : null);
    }
}
