using Microsoft.ML.Transforms;
using SkiaSharp;

namespace CrossModalML.Featurization.Image;

/// <summary>The saved-model contract of the mapping that makes every image path loadable.</summary>
/// <remarks>
/// ML.NET's image loader fails the whole pipeline on an empty or unreadable path. This mapping hands it a blank
/// placeholder instead and flags the post as missing its image, so a pretrained encoder sees a constant input for
/// every missing image and the missing indicator tells the trainer to discount it.
/// </remarks>
[CustomMappingFactoryAttribute(ContractName)]
public sealed class LoadableImageMappingFactory : CustomMappingFactory<ImagePathInput, LoadableImageOutput>
{
    /// <summary>The contract name stored in model zips.</summary>
    public const string ContractName = "CrossModalML.LoadableImage";

    private static readonly Lazy<string> Placeholder = new(WritePlaceholder, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The mapping.</summary>
    public static void Map(ImagePathInput input, LoadableImageOutput output)
    {
        bool usable = ImageDecoding.IsDecodable(input.Path);
        output.Path = usable ? input.Path : Placeholder.Value;
        output.Missing = usable ? 0f : 1f;
    }

    /// <inheritdoc />
    public override Action<ImagePathInput, LoadableImageOutput> GetMapping() => Map;

    private static string WritePlaceholder()
    {
        var directory = Path.Combine(Path.GetTempPath(), "crossmodalml");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "missing-image-placeholder.png");
        if (!ImageDecoding.IsDecodable(path))
        {
            using var bitmap = new SKBitmap(8, 8);
            bitmap.Erase(SKColors.Black);
            using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
            var temporary = path + "." + Guid.NewGuid().ToString("N");
            File.WriteAllBytes(temporary, data.ToArray());
            File.Move(temporary, path, overwrite: true);
        }

        return path;
    }
}
