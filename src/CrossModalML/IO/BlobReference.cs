using System.Security.Cryptography;
using System.Text;

namespace CrossModalML.IO;

/// <summary>How a file is named in a work item: a local path as before, or <c>scheme:key</c> for a key of a registered
/// <see cref="IBlobStore"/>; the client writes references, the worker turns them back into files it can open.</summary>
internal static class BlobReference
{
    /// <summary>Whether <paramref name="scheme"/> may name a store: two or more URI scheme characters starting with a
    /// letter (one letter is a Windows drive), and none of the schemes that already mean something.</summary>
    public static bool IsStoreScheme(string? scheme) =>
        scheme is { Length: >= 2 }
        && char.IsAsciiLetter(scheme[0])
        && scheme.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.')
        && !scheme.Equals("file", StringComparison.OrdinalIgnoreCase)
        && !scheme.Equals("http", StringComparison.OrdinalIgnoreCase)
        && !scheme.Equals("https", StringComparison.OrdinalIgnoreCase);

    /// <summary>How paths are written for a worker: a path in the client's mount of the shared data becomes a
    /// <see cref="BlobStores.DataRootScheme"/> key relative to it (a trailing separator kept as <c>/</c>); any other
    /// value (another path, empty, a web address) stays as it is, so without a data root items are what they always were.</summary>
    /// <param name="dataRoot">The client's mount of the data the workers share, or <see langword="null"/> for none.</param>
    /// <returns>The mapping; thread-safe.</returns>
    public static Func<string, string> ForWorker(string? dataRoot)
    {
        if (dataRoot is null)
        {
            return path => path;
        }

        var scope = new FolderScope(dataRoot);
        return path =>
        {
            if (string.IsNullOrEmpty(path) || !Path.IsPathFullyQualified(path))
            {
                return path;
            }

            var full = Path.GetFullPath(path);
            var asFolder = Path.TrimEndingDirectorySeparator(full) + Path.DirectorySeparatorChar;
            if (!scope.HoldsAsSpelled(asFolder))
            {
                return path;
            }

            var root = asFolder.StartsWith(scope.GivenRoot, StringComparison.Ordinal) ? scope.GivenRoot : scope.Root;
            var key = Path.GetRelativePath(root, full).Replace(Path.DirectorySeparatorChar, '/');
            return $"{BlobStores.DataRootScheme}:{key}{(Path.EndsInDirectorySeparator(path) ? "/" : string.Empty)}";
        };
    }

    /// <summary>A file this machine can open for <paramref name="reference"/>: a store's key resolved by the store registered
    /// for its scheme (copied into a local folder when the store is not a file system); a <c>file:</c> URI's path; anything
    /// else (a local path, a web address, empty) unchanged.</summary>
    /// <exception cref="NotSupportedException">No store is registered for the reference's scheme.</exception>
    /// <exception cref="UnauthorizedAccessException">The key leaves its store's root.</exception>
    public static string ToLocalPath(string reference)
    {
        if (string.IsNullOrEmpty(reference) || Path.IsPathFullyQualified(reference))
        {
            return reference;
        }

        int colon = reference.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return reference;
        }

        var scheme = reference[..colon];
        if (scheme.Equals("file", StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(reference, UriKind.Absolute, out var uri))
        {
            return uri.LocalPath;
        }

        if (!IsStoreScheme(scheme))
        {
            return reference;
        }

        var key = reference[(colon + 1)..];
        var store = BlobStores.Find(scheme);
        var local = store.LocalPath(key) ?? LocalCopy(scheme, store, key);
        return key.EndsWith('/') ? Path.TrimEndingDirectorySeparator(local) + Path.DirectorySeparatorChar : local;
    }

    /// <summary><see cref="ToLocalPath(string)"/> for an optional reference.</summary>
    public static string? ToLocalPathOrNull(string? reference) => reference is null ? null : ToLocalPath(reference);

    /// <summary>A local copy of a file of a store that is not a file system, made once per process and machine, in a
    /// temporary file renamed when complete, so concurrent readers never see half a file.</summary>
    private static string LocalCopy(string scheme, IBlobStore store, string key)
    {
        var name = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{scheme}:{key}")))[..32] + Path.GetExtension(key);
        var path = Path.Combine(Path.GetTempPath(), "crossmodal-blobs", name);
        if (!File.Exists(path) || new FileInfo(path).Length != store.Length(key))
        {
            AtomicFile.Write(path, target =>
            {
                using var source = store.OpenRead(key);
                source.CopyTo(target);
            });
        }

        return path;
    }
}
