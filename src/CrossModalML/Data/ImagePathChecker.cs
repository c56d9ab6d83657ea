using SkiaSharp;

namespace CrossModalML.Data;

/// <summary>Resolves image cells to absolute paths and checks, once per distinct path, that the file exists and decodes.</summary>
/// <remarks>Not thread-safe; one instance serves one load.</remarks>
internal sealed class ImagePathChecker
{
    private readonly string _baseDirectory;
    private readonly Dictionary<string, ImageProblem?> _checked = new(StringComparer.Ordinal);

    public ImagePathChecker(string baseDirectory)
    {
        _baseDirectory = baseDirectory;
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
            problem = Probe(fullPath);
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

    private static ImageProblem? Probe(string fullPath)
    {
        if (!File.Exists(fullPath))
        {
            return ImageProblem.NotFound;
        }

        try
        {
            // Creating a codec reads only the header, which is enough to know the format is supported.
            using var codec = SKCodec.Create(fullPath);
            return codec is null ? ImageProblem.Undecodable : null;
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
