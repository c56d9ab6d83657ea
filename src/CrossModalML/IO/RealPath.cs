namespace CrossModalML.IO;

/// <summary>The one path a file is known by: absolute, every symbolic link along it resolved (not only the last one),
/// and each existing component spelled with the case the file system stores. Two paths that name the same file through
/// links, <c>..</c> or another case on a case-insensitive volume resolve to the same string.</summary>
public static class RealPath
{
    private const int MaxLinks = 40;

    /// <summary>Resolves <paramref name="path"/>. Components that do not exist yet are kept as given.</summary>
    /// <exception cref="IOException">The path goes through more than 40 symbolic links (a loop).</exception>
    public static string Resolve(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Resolve(Path.GetFullPath(path), 0, path);
    }

    /// <summary>Whether two paths name the same file or folder once resolved.</summary>
    public static bool AreSame(string first, string second) =>
        string.Equals(Resolve(first), Resolve(second), StringComparison.Ordinal);

    private static string Resolve(string fullPath, int links, string original)
    {
        var root = Path.GetPathRoot(fullPath)!;
        var parts = fullPath[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var current = root;
        for (int i = 0; i < parts.Length; i++)
        {
            var next = StoredSpelling(current, parts[i]);
            // A dangling link is followed too: it is where a write would go.
            if (new FileInfo(next).LinkTarget is { } target)
            {
                if (links >= MaxLinks)
                {
                    throw new IOException($"The path '{original}' goes through more than {MaxLinks} symbolic links; is there a loop?");
                }

                var rest = parts.Skip(i + 1).Prepend(Path.GetFullPath(target, current)).ToArray();
                return Resolve(Path.GetFullPath(Path.Combine(rest)), links + 1, original);
            }

            current = next;
        }

        return current;
    }

    /// <summary>The entry <paramref name="name"/> of <paramref name="folder"/> as the file system spells it.</summary>
    private static string StoredSpelling(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        if (name.IndexOfAny(['*', '?']) >= 0 || !Directory.Exists(folder))
        {
            return path;
        }

        try
        {
            var options = new EnumerationOptions { MatchCasing = MatchCasing.PlatformDefault, IgnoreInaccessible = true, AttributesToSkip = 0, RecurseSubdirectories = false };
            return Directory.EnumerateFileSystemEntries(folder, name, options).FirstOrDefault() ?? path;
        }
        catch (UnauthorizedAccessException)
        {
            return path;
        }
        catch (IOException)
        {
            return path;
        }
    }
}
