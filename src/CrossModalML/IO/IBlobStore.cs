namespace CrossModalML.IO;

/// <summary>Files that a worker reads by key rather than by a local path: the posts, images and models that work items
/// name. <see cref="FileSystemBlobStore"/> serves a folder; an object store (S3, Azure Blob Storage, ...) plugs in by
/// implementing this interface and registering it under a URI scheme with <see cref="BlobStores.Register"/>.</summary>
/// <remarks>
/// <para>A key is the store's own name for a file: a path relative to the store's root, with <c>/</c> between folders
/// (an object store's object key). Keys never climb out of the store: a store refuses absolute keys and keys that
/// resolve outside its root with an <see cref="UnauthorizedAccessException"/>.</para>
/// <para>Implementations are thread-safe: a worker reads many keys at once.</para>
/// </remarks>
public interface IBlobStore
{
    /// <summary>Opens a file for reading.</summary>
    /// <param name="key">The file's key.</param>
    /// <returns>A readable stream the caller disposes.</returns>
    /// <exception cref="FileNotFoundException">No file has that key.</exception>
    /// <exception cref="UnauthorizedAccessException">The key is absolute or leaves the store's root.</exception>
    Stream OpenRead(string key);

    /// <summary>Whether a file has that key.</summary>
    /// <param name="key">The file's key.</param>
    /// <exception cref="UnauthorizedAccessException">The key is absolute or leaves the store's root.</exception>
    bool Exists(string key);

    /// <summary>The file's length in bytes.</summary>
    /// <param name="key">The file's key.</param>
    /// <exception cref="FileNotFoundException">No file has that key.</exception>
    /// <exception cref="UnauthorizedAccessException">The key is absolute or leaves the store's root.</exception>
    long Length(string key);

    /// <summary>The keys of the files whose keys start with <paramref name="prefix"/>, in ordinal order.</summary>
    /// <param name="prefix">A key prefix, e.g. <c>images/</c>; empty for every file.</param>
    IEnumerable<string> List(string prefix);

    /// <summary>The local file that holds the key, for readers that need a path (image decoders, the model loader); or
    /// <see langword="null"/> when the store is not a file system, and the toolkit then copies the file through
    /// <see cref="OpenRead"/> into a local folder first.</summary>
    /// <param name="key">The file's key.</param>
    /// <exception cref="UnauthorizedAccessException">The key is absolute or leaves the store's root.</exception>
    string? LocalPath(string key);
}
