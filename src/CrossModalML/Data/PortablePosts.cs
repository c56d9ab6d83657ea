using CrossModalML.IO;

namespace CrossModalML.Data;

/// <summary>A <see cref="PostDataset"/> as plain data, to send to a worker in another process and rebuild there with
/// the same columns, values and image paths (so it scores the same). The load report stays with the sender.</summary>
internal sealed record PortablePosts(
    string? SourcePath,
    StoredColumn[] Columns,
    TaskKind Task,
    string[] ClassLabels,
    int[] LineNumbers,
    string? ImagesCheckedAgainstRoot)
{
    public static PortablePosts From(PostDataset posts) => new(
        posts.SourcePath, [.. posts.StoredColumns], posts.Task, [.. posts.ClassLabels], [.. posts.LineNumbers], posts.ImagesCheckedAgainstRoot);

    /// <summary>The posts as they travel to workers: image paths (and the root they were checked against, and the source
    /// file's name) under <paramref name="dataRoot"/> as keys the workers resolve under their own data roots.</summary>
    public PortablePosts ForWorker(string? dataRoot)
    {
        if (dataRoot is null)
        {
            return this;
        }

        var key = BlobReference.ForWorker(dataRoot);
        return WithImagePaths(key) with { SourcePath = SourcePath is null ? null : key(SourcePath) };
    }

    /// <summary>The posts with every image reference resolved to a file this machine opens (unchanged for local paths).
    /// The source file's name is kept as sent: it only names the posts in messages.</summary>
    public PortablePosts Local() => WithImagePaths(BlobReference.ToLocalPath);

    public PostDataset ToDataset() =>
        new(SourcePath, Columns, Task, ClassLabels, LineNumbers, new DataLoadReport(LineNumbers.Length, LineNumbers.Length, [], [], []))
        {
            ImagesCheckedAgainstRoot = ImagesCheckedAgainstRoot,
        };

    private PortablePosts WithImagePaths(Func<string, string> path) => this with
    {
        Columns = [.. Columns.Select(c => c.ImagePaths is null ? c : c with { ImagePaths = [.. c.ImagePaths.Select(path)] })],
        ImagesCheckedAgainstRoot = ImagesCheckedAgainstRoot is null ? null : path(ImagesCheckedAgainstRoot),
    };
}
