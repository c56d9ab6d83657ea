namespace CrossModalML.IO;

/// <summary>A folder that paths must stay inside, checked twice: as spelled (an escape by <c>..</c> or an absolute path
/// is refused without touching the file system) and once every link is resolved (an escape through a symbolic link).</summary>
/// <remarks>Immutable and thread-safe. Paths compare case-insensitively on Windows and macOS, as their volumes usually do.</remarks>
internal sealed class FolderScope
{
    /// <param name="root">The folder; made absolute, and resolved through its own links for the second check.</param>
    public FolderScope(string root)
    {
        var full = Path.GetFullPath(root);
        GivenRoot = WithSeparator(full);
        Root = WithSeparator(RealPath.TryResolve(full) ?? full);
    }

    /// <summary>The folder as given, absolute, ending in a separator.</summary>
    public string GivenRoot { get; }

    /// <summary>The folder's real path (no link on it), ending in a separator.</summary>
    public string Root { get; }

    private static StringComparison PathComparison => OperatingSystem.IsWindows() || OperatingSystem.IsMacOS()
        ? StringComparison.OrdinalIgnoreCase
        : StringComparison.Ordinal;

    /// <summary>Whether an absolute path lies inside the folder as spelled, before any link is resolved.</summary>
    public bool HoldsAsSpelled(string fullPath) => IsInside(fullPath, GivenRoot) || IsInside(fullPath, Root);

    /// <summary>Whether a real path (every link resolved) lies inside the folder's real path.</summary>
    public bool HoldsReal(string realPath) => IsInside(realPath, Root);

    private static bool IsInside(string fullPath, string root) => fullPath.StartsWith(root, PathComparison);

    private static string WithSeparator(string path) => Path.TrimEndingDirectorySeparator(path) + Path.DirectorySeparatorChar;
}
