namespace CrossModalML.Data;

/// <summary>Posts named by the file they were loaded from, for a worker that sees the same file to load them again.</summary>
/// <param name="Path">The file's full path.</param>
/// <param name="Load">The options it was loaded with.</param>
/// <param name="Fingerprint">The posts' <see cref="PostDataset.Fingerprint"/>, checked after loading.</param>
internal sealed record PostsOnDisk(string Path, PostLoadOptions Load, string Fingerprint)
{
    /// <summary>The file's posts as they were loaded, or <c>null</c> when <paramref name="posts"/> were not loaded whole from a file.</summary>
    public static PostsOnDisk? Of(PostDataset posts) =>
        posts is { SourcePath: { } path, LoadOptions: { } load } ? new PostsOnDisk(path, load, posts.Fingerprint) : null;

    /// <summary>Loads the posts again.</summary>
    /// <exception cref="InvalidDataException">The file here holds other posts than the sender's (it changed, or this
    /// machine sees another file at the path).</exception>
    public PostDataset Read()
    {
        var posts = PostDatasetLoader.Load(Path, Load);
        if (posts.Fingerprint != Fingerprint)
        {
            throw new InvalidDataException(
                $"'{Path}' on this worker holds other posts than the client loaded (fingerprint {posts.Fingerprint[..12]}…, expected {Fingerprint[..12]}…); every worker must see the same file, unchanged.");
        }

        return posts;
    }
}
