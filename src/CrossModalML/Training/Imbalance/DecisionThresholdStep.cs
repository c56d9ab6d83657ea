using CrossModalML.Evaluation;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CrossModalML.Training.Imbalance;

/// <summary>Appends a tuned decision threshold to a binary model's chain, so that the saved zip's own <c>PredictedLabel</c>
/// is the tuned decision for every consumer: plain ML.NET, generated code, the predictor and <c>evaluate</c>.</summary>
/// <remarks>
/// A custom mapping is stateless, so the threshold travels as data: two value maps keyed by the model's
/// <c>PredictedLabel</c> (whatever it is) write the threshold and whether the score is a margin into columns that the
/// registered <see cref="DecisionThresholdMappingFactory"/> reads. The threshold is stored as a double, exactly as tuned.
/// Loading the zip needs <see cref="CrossModalRegistration.Register"/>, as every CrossModalML model does.
/// </remarks>
internal static class DecisionThresholdStep
{
    internal const string ValueColumn = "__cm_cut_value";
    internal const string ThresholdColumn = "__cm_cut_threshold";
    internal const string MarginColumn = "__cm_cut_margin";

    /// <summary>The model followed by the threshold step.</summary>
    /// <param name="mlContext">The context.</param>
    /// <param name="model">A fitted binary model reading <paramref name="input"/>'s columns.</param>
    /// <param name="threshold">The tuned threshold on the positive-class probability.</param>
    /// <param name="input">Data with the model's input schema (only its schema is used).</param>
    public static ITransformer Append(MLContext mlContext, ITransformer model, double threshold, IDataView input)
    {
        var scored = model.Transform(input);
        bool calibrated = scored.Schema.GetColumnOrNull(ModelColumns.Probability) is not null;
        var both = new[] { false, true };
        var step = mlContext.Transforms.CopyColumns(ValueColumn, calibrated ? ModelColumns.Probability : ModelColumns.Score)
            .Append(mlContext.Transforms.Conversion.MapValue(ThresholdColumn, both.Select(k => new KeyValuePair<bool, double>(k, threshold)), ModelColumns.PredictedLabel))
            .Append(mlContext.Transforms.Conversion.MapValue(MarginColumn, both.Select(k => new KeyValuePair<bool, bool>(k, !calibrated)), ModelColumns.PredictedLabel))
            .Append(mlContext.Transforms.CustomMapping<DecisionThresholdInput, DecisionThresholdOutput>(DecisionThresholdMappingFactory.Map, DecisionThresholdMappingFactory.ContractName))
            .Fit(scored);
        return new TransformerChain<ITransformer>(model, step);
    }
}
