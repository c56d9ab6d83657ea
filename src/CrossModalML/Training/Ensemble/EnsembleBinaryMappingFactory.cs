using Microsoft.ML.Transforms;

namespace CrossModalML.Training.Ensemble;

/// <summary>The binary ensemble step: averages the members' positive-class probabilities (one-wide blocks of
/// <see cref="EnsembleScoresInput.Stacked"/>, repeated by weight) into <c>Probability</c>, with its log-odds as <c>Score</c>.</summary>
[CustomMappingFactoryAttribute(ContractName)]
public sealed class EnsembleBinaryMappingFactory : CustomMappingFactory<EnsembleScoresInput, EnsembleBinaryOutput>
{
    /// <summary>The contract name stored in model zips.</summary>
    public const string ContractName = "CrossModalML.EnsembleBinaryAverage";

    /// <summary>Averages the positive-class probabilities.</summary>
    /// <param name="input">The stacked member probabilities.</param>
    /// <param name="output">The averaged probability, its log-odds and the predicted label.</param>
    public static void Map(EnsembleScoresInput input, EnsembleBinaryOutput output)
    {
        float p = EnsembleModelBuilder.AverageBlocks(input.Stacked, 1)[0];
        float clamped = Math.Clamp(p, 1e-7f, 1 - 1e-7f);
        output.Probability = p;
        output.Score = MathF.Log(clamped / (1 - clamped));
        output.PredictedLabel = p >= 0.5f;
    }

    /// <inheritdoc />
    public override Action<EnsembleScoresInput, EnsembleBinaryOutput> GetMapping() => Map;
}
