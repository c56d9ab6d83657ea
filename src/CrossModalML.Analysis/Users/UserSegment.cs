namespace CrossModalML.Analysis.Users;

/// <summary>A group of users with similar behaviour, and what sets it apart.</summary>
/// <remarks>Shares and engagement are over the segment's posts; comparisons ("above average") are against all
/// profiled posts. Immutable.</remarks>
public sealed class UserSegment
{
    internal UserSegment(
        int number,
        int userCount,
        int postCount,
        string description,
        IReadOnlyList<ValueShare> hashtags,
        IReadOnlyDictionary<string, IReadOnlyList<ValueShare>> categories,
        IReadOnlyList<ValueShare> labels,
        IReadOnlyList<string> topTerms,
        ActivityRhythm rhythm,
        IReadOnlyDictionary<string, EngagementSummary> engagement)
    {
        Number = number;
        UserCount = userCount;
        PostCount = postCount;
        Description = description;
        Hashtags = hashtags;
        Categories = categories;
        Labels = labels;
        TopTerms = topTerms;
        Rhythm = rhythm;
        Engagement = engagement;
    }

    /// <summary>The segment's number, 1 for the segment with the most users.</summary>
    public int Number { get; }

    /// <summary>How many users the segment holds.</summary>
    public int UserCount { get; }

    /// <summary>How many posts its users wrote.</summary>
    public int PostCount { get; }

    /// <summary>
    /// One line a person can read, for example <c>42 users · topic tech (61 %) · #gaming #tech · posts around 23:00 ·
    /// weekdays · likes below average (−18 %)</c>. Only traits that differ from the whole data set are named.
    /// </summary>
    public string Description { get; }

    /// <summary>Hashtags most typical of the segment (share of its posts, ranked by how much that exceeds the overall share).</summary>
    public IReadOnlyList<ValueShare> Hashtags { get; }

    /// <summary>For every categorical column (not the label): the share of the segment's posts with each value, most frequent first.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ValueShare>> Categories { get; }

    /// <summary>The segment's label distribution, most frequent first; empty without a label column.</summary>
    public IReadOnlyList<ValueShare> Labels { get; }

    /// <summary>Words most typical of the segment's texts.</summary>
    public IReadOnlyList<string> TopTerms { get; }

    /// <summary>When the segment's users post.</summary>
    public ActivityRhythm Rhythm { get; }

    /// <summary>Mean and median of every numeric column over the segment's posts.</summary>
    public IReadOnlyDictionary<string, EngagementSummary> Engagement { get; }
}
