using CrossModalML.Data;

namespace CrossModalML.Prediction;

/// <summary>Resolves image cells of posts to score and applies <see cref="PredictorOptions.AllowedImageRoot"/> and
/// <see cref="PredictorOptions.MaxImagePixels"/> through an <see cref="ImageFileGate"/>.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed class ImagePathPolicy
{
    public ImagePathPolicy(string baseDirectory, ImageFileGate gate)
    {
        BaseDirectory = baseDirectory;
        Gate = gate;
    }

    public string BaseDirectory { get; }

    public ImageFileGate Gate { get; }

    /// <summary>The path the model should read for an image cell: the real path (no link left on it) of a regular,
    /// decodable file inside the root; or empty when the cell is empty, a web address (never fetched), or names nothing
    /// decodable (the image modality is then missing, as the model would treat it anyway).</summary>
    /// <exception cref="ImagePathException">The path resolves outside the allowed root, is not a regular file, or
    /// declares more pixels than the limit.</exception>
    public string Resolve(string column, string? cell)
    {
        var value = cell?.Trim() ?? string.Empty;
        if (value.Length == 0 || IsWebAddress(value))
        {
            return string.Empty;
        }

        var fullPath = Path.GetFullPath(value, BaseDirectory);
        var admission = Gate.Admit(fullPath);
        return admission.Problem switch
        {
            null => admission.Path,
            ImageProblem.NotFound or ImageProblem.Undecodable => string.Empty,
            _ => throw Refusal(column, value, fullPath, admission),
        };
    }

    /// <summary>Checks only the root for an already resolved absolute path (empty means no image).</summary>
    /// <exception cref="ImagePathException">The path resolves outside the allowed root.</exception>
    public void EnsureAllowed(string column, string fullPath)
    {
        if (Gate.Root is null || fullPath.Length == 0)
        {
            return;
        }

        var real = Gate.ResolveInsideRoot(fullPath);
        if (real.Problem == ImageProblem.OutsideRoot)
        {
            throw Refusal(column, fullPath, fullPath, real);
        }
    }

    private ImagePathException Refusal(string column, string asGiven, string fullPath, ImageAdmission admission)
    {
        var reason = Gate.Describe(admission);
        var where = admission.Problem != ImageProblem.OutsideRoot
            ? $"'{admission.Path}'"
            : admission.Path == fullPath
                ? $"'{fullPath}'"
                : $"'{admission.Path}' through a link on '{fullPath}'";
        var publicReason = admission.Problem == ImageProblem.OutsideRoot ? "outside the allowed image root" : reason;
        return new ImagePathException(
            $"Image '{asGiven}' in column '{column}' resolves to {where}, which is {reason}." +
            (admission.Problem == ImageProblem.OutsideRoot ? $" Give a path inside that directory; a relative path in a post file is resolved against the file's folder, and one in a post given in code or JSON against '{BaseDirectory}' (PredictorOptions.ImageBaseDirectory, by default the root)." : string.Empty) +
            (admission.Problem == ImageProblem.TooLarge ? " Raise PredictorOptions.MaxImagePixels to accept it." : string.Empty),
            $"Image '{asGiven}' in column '{column}' is {publicReason}.",
            column,
            asGiven);
    }

    private static bool IsWebAddress(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
