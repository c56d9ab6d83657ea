namespace CrossModalML.IO;

/// <summary>The one path a file is known by: absolute, every symbolic link (and Windows junction) along it resolved,
/// component by component as the operating system does when opening it, not only the last one.</summary>
/// <remarks>Following only the last component is not enough: in <c>root/d/secret.png</c> with <c>d</c> a link to a folder
/// elsewhere, the file itself is no link, yet it lies outside <c>root</c>. A <c>..</c> after a link climbs from the link's
/// target, as the kernel does. Nothing is opened: each component is only asked whether it is a link. Thread-safe.</remarks>
public static class RealPath
{
    /// <summary>The most links followed on one path, as Linux allows (<c>ELOOP</c> past that).</summary>
    private const int MaxLinks = 40;

    /// <summary>Resolves <paramref name="path"/>, each existing component spelled with the case the file system stores, so
    /// two paths that name the same file through links, <c>..</c> or another case on a case-insensitive volume resolve to
    /// the same string. Components that do not exist yet are kept as given.</summary>
    /// <exception cref="IOException">The path goes through more than 40 symbolic links (a loop).</exception>
    public static string Resolve(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Walk(Path.GetFullPath(path), storedSpelling: true)
            ?? throw new IOException($"The path '{path}' goes through more than {MaxLinks} symbolic links; is there a loop?");
    }

    /// <summary>Resolves an absolute path without asking the file system how each name is spelled (cheap enough for every
    /// image of a data set).</summary>
    /// <param name="fullPath">An absolute path.</param>
    /// <returns>The resolved path, or <see langword="null"/> when the links loop or nest too deep (the path cannot be opened
    /// then).</returns>
    /// <exception cref="ArgumentException"><paramref name="fullPath"/> is not absolute.</exception>
    public static string? TryResolve(string fullPath)
    {
        if (string.IsNullOrEmpty(Path.GetPathRoot(fullPath)))
        {
            throw new ArgumentException($"'{fullPath}' is not an absolute path.", nameof(fullPath));
        }

        return Walk(fullPath, storedSpelling: false);
    }

    /// <summary>Whether two paths name the same file or folder once resolved.</summary>
    public static bool AreSame(string first, string second) =>
        string.Equals(Resolve(first), Resolve(second), StringComparison.Ordinal);

    private static string? Walk(string fullPath, bool storedSpelling)
    {
        var root = Path.GetPathRoot(fullPath)!;
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

            var candidate = storedSpelling ? StoredSpelling(current, part) : Path.Join(current, part);

            // Every component is asked, also past one that does not exist, so the result holds no link at all; a dangling
            // link is followed too, since that is where a write would go.
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

            // A relative target is relative to the folder holding the link.
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

    /// <summary>The entry <paramref name="name"/> of <paramref name="folder"/> as the file system spells it.</summary>
    private static string StoredSpelling(string folder, string name)
    {
        var path = Path.Join(folder, name);
        if (name.IndexOfAny(['*', '?']) >= 0 || !Directory.Exists(folder))
        {
            return path;
        }

        try
        {
            var options = new EnumerationOptions { MatchCasing = MatchCasing.PlatformDefault, IgnoreInaccessible = true, AttributesToSkip = 0, RecurseSubdirectories = false };
            return Directory.EnumerateFileSystemEntries(folder, name, options).FirstOrDefault() ?? path;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return path;
        }
    }
}
