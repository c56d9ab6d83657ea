using CrossModalML.Featurization.Encoders;
using Microsoft.ML.Transforms;

namespace CrossModalML.Featurization.Text;

/// <summary>The saved-model contract of the mapping that cleans a post's text for a sentence encoder
/// (<see cref="TextFeaturizerOptions.CleanSentenceText"/>).</summary>
[CustomMappingFactoryAttribute(ContractName)]
public sealed class SentenceTextCleanerMappingFactory : CustomMappingFactory<TextColumnInput, SentenceTextInput>
{
    /// <summary>The contract name stored in model zips.</summary>
    public const string ContractName = "CrossModalML.CleanSentenceText";

    /// <summary>The mapping.</summary>
    public static void Map(TextColumnInput input, SentenceTextInput output) => output.Text = SentenceTextCleaner.Clean(input.Text);

    /// <inheritdoc />
    public override Action<TextColumnInput, SentenceTextInput> GetMapping() => Map;
}
