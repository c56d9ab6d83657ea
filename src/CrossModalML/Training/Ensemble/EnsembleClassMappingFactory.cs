using Microsoft.ML.Transforms;

namespace CrossModalML.Training.Ensemble;

/// <summary>The multiclass ensemble step: averages the member blocks of <see cref="EnsembleScoresInput.Stacked"/> into
/// <c>Score</c>. The weights live in the model as the number of times each member's block is repeated, so the mapping
/// itself holds no state and survives save and load by its contract name.</summary>
[CustomMappingFactoryAttribute(ContractName)]
public sealed class EnsembleClassMappingFactory : CustomMappingFactory<EnsembleScoresInput, EnsembleClassOutput>
{
    /// <summary>The contract name stored in model zips.</summary>
    public const string ContractName = "CrossModalML.EnsembleClassAverage";

    /// <summary>Averages the blocks and picks the most probable class.</summary>
    /// <param name="input">The stacked member probabilities.</param>
    /// <param name="output">The averaged probabilities and the class index.</param>
    public static void Map(EnsembleScoresInput input, EnsembleClassOutput output)
    {
        var average = EnsembleModelBuilder.AverageBlocks(input.Stacked, input.First.Length);
        uint best = 0;
        for (int j = 1; j < average.Length; j++)
        {
            if (average[j] > average[best])
            {
                best = (uint)j;
            }
        }

        output.Score = average;
        output.ClassIndex = best;
    }

    /// <inheritdoc />
    public override Action<EnsembleScoresInput, EnsembleClassOutput> GetMapping() => Map;
}
