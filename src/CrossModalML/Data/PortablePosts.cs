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

    public PostDataset ToDataset() =>
        new(SourcePath, Columns, Task, ClassLabels, LineNumbers, new DataLoadReport(LineNumbers.Length, LineNumbers.Length, [], [], []))
        {
            ImagesCheckedAgainstRoot = ImagesCheckedAgainstRoot,
        };
}
