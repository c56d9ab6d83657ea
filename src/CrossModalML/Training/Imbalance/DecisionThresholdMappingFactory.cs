using CrossModalML.Evaluation;
using Microsoft.ML.Transforms;

namespace CrossModalML.Training.Imbalance;

/// <summary>The decision-threshold step's mapping: <c>PredictedLabel</c> is whether the positive-class probability reaches
/// the tuned threshold, by the same rule (and the same margin-to-probability reading) as the predictor and evaluation.</summary>
[CustomMappingFactoryAttribute(ContractName)]
public sealed class DecisionThresholdMappingFactory : CustomMappingFactory<DecisionThresholdInput, DecisionThresholdOutput>
{
    /// <summary>The contract name stored in model zips.</summary>
    public const string ContractName = "CrossModalML.DecisionThreshold";

    /// <summary>Decides one row.</summary>
    /// <param name="input">The model's scalar output and the stored threshold.</param>
    /// <param name="output">The decision.</param>
    public static void Map(DecisionThresholdInput input, DecisionThresholdOutput output) =>
        output.PredictedLabel = BinaryDecision.IsPositive(ScoredOutput.BinaryProbability(input.Value, !input.IsMargin), input.Threshold);

    /// <inheritdoc />
    public override Action<DecisionThresholdInput, DecisionThresholdOutput> GetMapping() => Map;
}
