using SkiaSharp;

namespace CrossModalML.Data;

/// <summary>Resolves image cells to absolute paths and checks, once per distinct path, that the file exists and decodes.</summary>
/// <remarks>Not thread-safe; one instance serves one load.</remarks>
internal sealed class ImagePathChecker
{
    private readonly string _baseDirectory;
    private readonly bool _decodeFully;
    private readonly Dictionary<string, ImageProblem?> _checked = new(StringComparer.Ordinal);

    /// <param name="baseDirectory">The directory relative paths are resolved against.</param>
    /// <param name="decodeFully">Whether to decode every pixel (which finds a truncated file) rather than only the header.</param>
    public ImagePathChecker(string baseDirectory, bool decodeFully = false)
    {
        _baseDirectory = baseDirectory;
        _decodeFully = decodeFully;
    }

    /// <summary>Resolves <paramref name="cell"/> (non-empty) to an absolute path and checks it.</summary>
    /// <returns>The absolute path (or the cell itself when it cannot be a path) and the problem, if any.</returns>
    public (string Path, ImageProblem? Problem) Check(string cell)
    {
        if (Uri.TryCreate(cell, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return (cell, ImageProblem.NotLocal);
        }

        var fullPath = System.IO.Path.GetFullPath(cell, _baseDirectory);
        if (!_checked.TryGetValue(fullPath, out var problem))
        {
            problem = Probe(fullPath, _decodeFully);
            _checked.Add(fullPath, problem);
        }

        return (fullPath, problem);
    }

    public static string Describe(ImageProblem problem) => problem switch
    {
        ImageProblem.NotFound => "not found",
        ImageProblem.Undecodable => "not a decodable image",
        ImageProblem.NotLocal => "a web address, not a local file (download the images and give their paths)",
        _ => problem.ToString(),
    };

    private static ImageProblem? Probe(string fullPath, bool decodeFully)
    {
        if (!File.Exists(fullPath))
        {
            return ImageProblem.NotFound;
        }

        try
        {
            // Creating a codec reads only the header, which is enough to know the format is supported.
            using var codec = SKCodec.Create(fullPath);
            if (codec is null)
            {
                return ImageProblem.Undecodable;
            }

            if (!decodeFully)
            {
                return null;
            }

            // A truncated file has a valid header; only decoding the pixels finds that the data stops early.
            using var bitmap = new SKBitmap(codec.Info.WithColorType(SKColorType.Rgba8888).WithAlphaType(SKAlphaType.Premul));
            return codec.GetPixels(bitmap.Info, bitmap.GetPixels()) == SKCodecResult.Success ? null : ImageProblem.Undecodable;
        }
        catch (IOException)
        {
            return ImageProblem.Undecodable;
        }
        catch (UnauthorizedAccessException)
        {
            return ImageProblem.Undecodable;
        }
    }
}
