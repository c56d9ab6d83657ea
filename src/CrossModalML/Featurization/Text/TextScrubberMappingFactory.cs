using Microsoft.ML.Transforms;

namespace CrossModalML.Featurization.Text;

/// <summary>The saved-model contract of the personal-data scrubbing mapping.</summary>
[CustomMappingFactoryAttribute(ContractName)]
public sealed class TextScrubberMappingFactory : CustomMappingFactory<TextColumnInput, ScrubbedTextOutput>
{
    /// <summary>The contract name stored in model zips.</summary>
    public const string ContractName = "CrossModalML.ScrubText";

    /// <summary>The mapping.</summary>
    public static void Map(TextColumnInput input, ScrubbedTextOutput output) => output.Text = TextScrubber.Scrub(input.Text);

    /// <inheritdoc />
    public override Action<TextColumnInput, ScrubbedTextOutput> GetMapping() => Map;
}
