using Microsoft.ML.Transforms;

namespace CrossModalML.Featurization.Metadata;

/// <summary>The saved-model contract of the time mapping.</summary>
[CustomMappingFactoryAttribute(ContractName)]
public sealed class TimeMappingFactory : CustomMappingFactory<TimeInput, TimeOutput>
{
    /// <summary>The contract name stored in model zips.</summary>
    public const string ContractName = "CrossModalML.TimeFeatures";

    /// <summary>The mapping.</summary>
    public static void Map(TimeInput input, TimeOutput output)
    {
        output.Features = new float[TimeFeatures.Length];
        TimeFeatures.Compute(input.Timestamp, output.Features);
    }

    /// <inheritdoc />
    public override Action<TimeInput, TimeOutput> GetMapping() => Map;
}
