using CrossModalML.Featurization.Image;
using Microsoft.ML.Transforms;

namespace CrossModalML.Featurization.Encoders;

/// <summary>The saved-model contract of the ResNet18 image encoder.</summary>
/// <remarks>A loaded model encodes each post's image with the network embedded in this library, reading and filling the
/// disk cache of <see cref="EncoderCacheOptions.Default"/>. A missing or unreadable image gives zeros and the
/// image-missing indicator, as the built-in statistics do.</remarks>
[CustomMappingFactoryAttribute(ContractName)]
public sealed class ResNet18MappingFactory : CustomMappingFactory<ImagePathInput, ImageEmbeddingOutput>
{
    /// <summary>The contract name stored in model zips.</summary>
    public const string ContractName = "CrossModalML.ResNet18";

    /// <summary>The mapping of loaded models.</summary>
    public static void Map(ImagePathInput input, ImageEmbeddingOutput output) =>
        MapWith(EncoderLookup.ForLoadedModels(ResNet18Encoder.Instance))(input, output);

    /// <inheritdoc />
    public override Action<ImagePathInput, ImageEmbeddingOutput> GetMapping() => Map;

    internal static Action<ImagePathInput, ImageEmbeddingOutput> MapWith(EncoderLookup lookup) =>
        (input, output) =>
        {
            var path = input.Path ?? string.Empty;
            output.Missing = ImageDecoding.IsDecodable(path) ? 0f : 1f;
            output.Embedding = output.Missing > 0 ? new float[ResNet18Encoder.Width] : lookup.Get(path);
        };
}
