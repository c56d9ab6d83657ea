namespace CrossModalML.Prediction;

/// <summary>Resolves image cells of posts to score and enforces <see cref="PredictorOptions.AllowedImageRoot"/>.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed class ImagePathPolicy
{
    private readonly string? _root;

    public ImagePathPolicy(string baseDirectory, string? allowedRoot)
    {
        BaseDirectory = baseDirectory;
        _root = allowedRoot is null ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(allowedRoot)) + Path.DirectorySeparatorChar;
    }

    public string BaseDirectory { get; }

    private static StringComparison PathComparison => OperatingSystem.IsWindows() || OperatingSystem.IsMacOS()
        ? StringComparison.OrdinalIgnoreCase
        : StringComparison.Ordinal;

    /// <summary>The absolute path the model should read for an image cell, or empty when the cell is empty or a web
    /// address (which is never fetched).</summary>
    /// <remarks>The file is not opened here: the model's image featurizer treats a missing or undecodable file exactly as
    /// an empty path (the image modality is missing), so probing it first would only read it twice.</remarks>
    /// <exception cref="ArgumentException">The path resolves outside the allowed root.</exception>
    public string Resolve(string column, string? cell)
    {
        var value = cell?.Trim() ?? string.Empty;
        if (value.Length == 0 || IsWebAddress(value))
        {
            return string.Empty;
        }

        var fullPath = Path.GetFullPath(value, BaseDirectory);
        EnsureAllowed(column, fullPath, value);
        return fullPath;
    }

    /// <summary>Checks an already resolved absolute path (empty means no image).</summary>
    /// <exception cref="ArgumentException">The path resolves outside the allowed root.</exception>
    public void EnsureAllowed(string column, string fullPath, string asGiven)
    {
        if (_root is null || fullPath.Length == 0)
        {
            return;
        }

        if (!IsInsideRoot(fullPath))
        {
            throw new ArgumentException(
                $"Image '{asGiven}' in column '{column}' resolves to '{fullPath}', which is outside the allowed image root '{_root}'. " +
                $"Give a path inside that directory; a relative path in a post file is resolved against the file's folder, and one in a post given in code or JSON against '{BaseDirectory}'.", column);
        }

        // A link inside the root may point anywhere; judge the file it finally reaches.
        FileSystemInfo? target = null;
        try
        {
            target = File.ResolveLinkTarget(fullPath, returnFinalTarget: true);
        }
        catch (IOException)
        {
            // A broken or looping link reads as a missing image later; nothing outside the root is opened.
        }

        if (target is not null && !IsInsideRoot(Path.GetFullPath(target.FullName)))
        {
            throw new ArgumentException(
                $"Image '{asGiven}' in column '{column}' is a link to '{target.FullName}', which is outside the allowed image root '{_root}'.", column);
        }
    }

    private bool IsInsideRoot(string fullPath) => fullPath.StartsWith(_root!, PathComparison);

    private static bool IsWebAddress(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
