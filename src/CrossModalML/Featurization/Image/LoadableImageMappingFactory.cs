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

    /// <summary>The blank image every missing image is replaced by, written once per process.</summary>
    internal static string PlaceholderPath => Placeholder.Value;

    private static string WritePlaceholder()
    {
        // A directory of this process's own, created owner-only (0700 on Unix): a fixed path in the shared temp folder
        // could be created first by another local user, whose picture would then stand in for every missing image.
        var directory = Directory.CreateTempSubdirectory("crossmodalml-");
        var path = Path.Combine(directory.FullName, "missing-image-placeholder.png");
        using (var bitmap = new SKBitmap(8, 8))
        {
            bitmap.Erase(SKColors.Black);
            using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            data.SaveTo(file);
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => RemoveQuietly(directory);
        return path;
    }

    private static void RemoveQuietly(DirectoryInfo directory)
    {
        try
        {
            directory.Delete(recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Only a stray 8x8 file in the temp folder is left behind.
        }
    }
}
