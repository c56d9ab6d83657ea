namespace CrossModalML.Demo;

/// <summary>What <see cref="DemoDataGenerator.Generate(string, DemoDataOptions?)"/> wrote, and the structure it planted.</summary>
/// <remarks>Instances are immutable and safe to share between threads.</remarks>
public sealed class DemoDataSummary
{
    internal DemoDataSummary(
        string postsPath,
        int rowsWritten,
        int imagesWritten,
        IReadOnlyDictionary<string, int> labelCounts,
        IReadOnlyDictionary<string, int> topicCounts,
        DemoGroundTruth groundTruth)
    {
        PostsPath = postsPath;
        RowsWritten = rowsWritten;
        ImagesWritten = imagesWritten;
        LabelCounts = labelCounts;
        TopicCounts = topicCounts;
        GroundTruth = groundTruth;
    }

    /// <summary>Full path of the written <c>posts.tsv</c>.</summary>
    public string PostsPath { get; }

    /// <summary>Data rows written to <c>posts.tsv</c>, not counting the header.</summary>
    public int RowsWritten { get; }

    /// <summary>PNG files written to the <c>images</c> folder (posts with an empty image cell have none).</summary>
    public int ImagesWritten { get; }

    /// <summary>Rows per value of the <c>sentiment</c> column (<c>positive</c>, <c>negative</c>, <c>neutral</c>), after label noise.</summary>
    public IReadOnlyDictionary<string, int> LabelCounts { get; }

    /// <summary>Rows per value of the <c>topic</c> column.</summary>
    public IReadOnlyDictionary<string, int> TopicCounts { get; }

    /// <summary>The planted structure: user types, per-post cue channels and clean labels, and the trend burst.</summary>
    public DemoGroundTruth GroundTruth { get; }
}
