namespace WebApiScoring;

/// <summary>Keeps the server's own directories out of what a client is told.</summary>
/// <remarks>Image paths a client sends are resolved against the image root, so messages about them would otherwise show
/// where the root lies on the server. Immutable and thread-safe.</remarks>
internal sealed class ServerPaths
{
    private readonly (string Path, string Name)[] _replacements;

    public ServerPaths(string imageRoot, string uploads)
    {
        var real = new DirectoryInfo(imageRoot).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? imageRoot;

        // Longest first, so the upload folder inside the root is named as such.
        _replacements = new[] { (uploads, "<uploads>"), (imageRoot, "<image root>"), (real, "<image root>") }
            .Select(r => (Path.TrimEndingDirectorySeparator(r.Item1), r.Item2))
            .Distinct()
            .OrderByDescending(r => r.Item1.Length)
            .ToArray();
    }

    /// <summary>The message with every server directory replaced by its name.</summary>
    public string Redact(string message)
    {
        foreach (var (path, name) in _replacements)
        {
            message = message.Replace(path, name, StringComparison.Ordinal);
        }

        return message;
    }
}
