using CrossModalML.IO;

namespace CrossModalML.Data;

/// <summary>Posts named by the file they were loaded from, for a worker that sees the same file to load them again.</summary>
/// <param name="Path">The file's full path, or its key under the workers' data root (see <see cref="BlobReference"/>).</param>
/// <param name="Load">The options it was loaded with.</param>
/// <param name="Fingerprint">The posts' <see cref="PostDataset.Fingerprint"/>, checked after loading.</param>
internal sealed record PostsOnDisk(string Path, PostLoadOptions Load, string Fingerprint)
{
    /// <summary>The file's posts as they were loaded, or <c>null</c> when <paramref name="posts"/> were not loaded whole from a file.</summary>
    public static PostsOnDisk? Of(PostDataset posts) =>
        posts is { SourcePath: { } path, LoadOptions: { } load } ? new PostsOnDisk(path, load, posts.Fingerprint) : null;

    /// <summary>The posts as they travel to workers: the file, and the image root it was loaded with, as keys when under
    /// <paramref name="dataRoot"/>. The fingerprint hashes image cells as written in the file, so a worker that mounts the
    /// data elsewhere computes the same one when the cells are relative paths.</summary>
    public PostsOnDisk ForWorker(string? dataRoot)
    {
        if (dataRoot is null)
        {
            return this;
        }

        var key = BlobReference.ForWorker(dataRoot);
        return this with { Path = key(Path), Load = Load.WithImageLimits(Load.AllowedImageRoot is { } root ? key(root) : null, Load.MaxImagePixels) };
    }

    /// <summary>Loads the posts again, from this machine's file for <see cref="Path"/>.</summary>
    /// <exception cref="InvalidDataException">The file here holds other posts than the sender's (it changed, or this
    /// machine sees another file at the path).</exception>
    public PostDataset Read()
    {
        var localRoot = BlobReference.ToLocalPathOrNull(Load.AllowedImageRoot);
        var posts = PostDatasetLoader.Load(BlobReference.ToLocalPath(Path), localRoot == Load.AllowedImageRoot ? Load : Load.WithImageLimits(localRoot, Load.MaxImagePixels));
        if (posts.Fingerprint != Fingerprint)
        {
            throw new InvalidDataException(
                $"'{Path}' on this worker holds other posts than the client loaded (fingerprint {posts.Fingerprint[..12]}…, expected {Fingerprint[..12]}…); every worker must see the same file, unchanged.");
        }

        return posts;
    }
}
