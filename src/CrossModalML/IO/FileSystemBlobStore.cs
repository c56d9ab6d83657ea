namespace CrossModalML.IO;

/// <summary>A <see cref="IBlobStore"/> over a folder: a key is a path relative to the folder, e.g.
/// <c>images/2024/1.jpg</c>. A worker's <c>WorkerOptions.DataRoot</c> is served this way.</summary>
/// <remarks>
/// <para>No key reads outside the folder: absolute keys are refused, <c>..</c> that climbs out is refused without touching
/// the file system, and a key whose real path (every symbolic link along it resolved, as the kernel does) leaves the
/// folder is refused before anything is opened; all with an <see cref="UnauthorizedAccessException"/> naming the key.
/// Links that stay inside the folder are followed.</para>
/// <para>Immutable and thread-safe. The check and the read are separate steps, so the folder must be writable only by
/// trusted users (as for <c>PredictorOptions.AllowedImageRoot</c>).</para>
/// </remarks>
public sealed class FileSystemBlobStore : IBlobStore
{
    private readonly FolderScope _scope;

    /// <summary>Creates a store over a folder.</summary>
    /// <param name="root">The folder; it must exist.</param>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public FileSystemBlobStore(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"The data root '{root}' does not exist or is not a folder.");
        }

        _scope = new FolderScope(root);
    }

    /// <summary>The folder's real path, ending in a separator.</summary>
    public string Root => _scope.Root;

    /// <inheritdoc />
    public Stream OpenRead(string key) => File.OpenRead(Existing(key));

    /// <inheritdoc />
    public bool Exists(string key) => File.Exists(Resolve(key));

    /// <inheritdoc />
    public long Length(string key) => new FileInfo(Existing(key)).Length;

    /// <inheritdoc />
    public string? LocalPath(string key) => Resolve(key);

    /// <inheritdoc />
    public IEnumerable<string> List(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 };
        return Directory.EnumerateFiles(_scope.Root, "*", options)
            .Select(path => Path.GetRelativePath(_scope.Root, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(key => key.StartsWith(prefix, StringComparison.Ordinal) && RealPath.TryResolve(Path.Join(_scope.Root, key)) is { } real && _scope.HoldsReal(real))
            .Order(StringComparer.Ordinal);
    }

    // The real path of a key's file, checked to lie inside the folder; nothing is opened.
    private string Resolve(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        if (Path.IsPathRooted(key) || key.StartsWith('/') || key.StartsWith('\\'))
        {
            throw new UnauthorizedAccessException($"The key '{key}' is absolute; keys are relative to the data root '{_scope.GivenRoot}'.");
        }

        // A key may name the root itself ('.'), so each check looks at the path as a folder.
        var full = Path.GetFullPath(Path.Join(_scope.Root, key));
        if (!_scope.HoldsAsSpelled(AsFolder(full)))
        {
            throw new UnauthorizedAccessException($"The key '{key}' climbs out of the data root '{_scope.GivenRoot}'.");
        }

        var real = RealPath.TryResolve(full)
            ?? throw new FileNotFoundException($"The key '{key}' goes through more than 40 symbolic links under '{_scope.GivenRoot}'; is there a loop?", key);
        if (!_scope.HoldsReal(AsFolder(real)))
        {
            throw new UnauthorizedAccessException($"The key '{key}' leads through a symbolic link to '{real}', outside the data root '{_scope.GivenRoot}'.");
        }

        return real;
    }

    private static string AsFolder(string path) => Path.TrimEndingDirectorySeparator(path) + Path.DirectorySeparatorChar;

    private string Existing(string key)
    {
        var path = Resolve(key);
        return File.Exists(path) ? path : throw new FileNotFoundException($"No file has the key '{key}' under the data root '{_scope.GivenRoot}'.", key);
    }
}
