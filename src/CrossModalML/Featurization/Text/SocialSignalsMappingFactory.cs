using Microsoft.ML.Transforms;

namespace CrossModalML.Featurization.Text;

/// <summary>The saved-model contract of the social-signals mapping.</summary>
[CustomMappingFactoryAttribute(ContractName)]
public sealed class SocialSignalsMappingFactory : CustomMappingFactory<TextColumnInput, SocialSignalsOutput>
{
    /// <summary>The contract name stored in model zips.</summary>
    public const string ContractName = "CrossModalML.SocialSignals";

    /// <summary>The mapping.</summary>
    public static void Map(TextColumnInput input, SocialSignalsOutput output)
    {
        output.Signals = new float[SocialSignals.Length];
        SocialSignals.Compute(input.Text, output.Signals);
    }

    /// <inheritdoc />
    public override Action<TextColumnInput, SocialSignalsOutput> GetMapping() => Map;
}
