namespace CrossModalML.Data;

/// <summary>Resolves every symbolic link (and Windows junction) on a path, component by component, as the operating
/// system would when opening it.</summary>
/// <remarks>Following only the last component is not enough: in <c>root/d/secret.png</c> with <c>d</c> a link to a
/// directory elsewhere, the file itself is no link, yet it lies outside <c>root</c>. Nothing is opened: each component
/// is only asked whether it is a link. Thread-safe.</remarks>
internal static class RealPath
{
    /// <summary>The most links followed on one path, as Linux allows (<c>ELOOP</c> past that).</summary>
    private const int MaxLinks = 40;

    /// <summary>The path with every link resolved, so that opening the result follows no link; components that do not
    /// exist are kept as given.</summary>
    /// <param name="fullPath">An absolute path.</param>
    /// <returns>The resolved absolute path, or <see langword="null"/> when the links loop or nest too deep (the path cannot
    /// be opened then).</returns>
    public static string? Resolve(string fullPath)
    {
        var root = Path.GetPathRoot(fullPath);
        if (string.IsNullOrEmpty(root))
        {
            throw new ArgumentException($"'{fullPath}' is not an absolute path.", nameof(fullPath));
        }

        var pending = new Stack<string>(Components(fullPath[root.Length..]).Reverse());
        var current = root;
        int links = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var candidate = Path.Join(current, part);
            // Every component is asked, also past one that does not exist, so the result holds no link at all.
            var target = LinkTarget(candidate);
            if (target is null)
            {
                current = candidate;
                continue;
            }

            if (++links > MaxLinks)
            {
                return null;
            }

            // A relative target is relative to the directory holding the link.
            var targetRoot = Path.GetPathRoot(target);
            if (!string.IsNullOrEmpty(targetRoot))
            {
                current = targetRoot;
                target = target[targetRoot.Length..];
            }

            foreach (var component in Components(target).Reverse())
            {
                pending.Push(component);
            }
        }

        return current;
    }

    private static IEnumerable<string> Components(string relative) =>
        relative.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries)
            .Where(part => part != ".");

    private static string? LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Not readable as a link (e.g. a component above it is a file or unreadable): nothing is opened through it.
            return null;
        }
    }
}
