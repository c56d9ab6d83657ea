namespace CrossModalML.Analysis.Trends;

/// <summary>What makes a post part of a topic's series.</summary>
public enum TrendTopicSource
{
    /// <summary>Each hashtag in the post's text (<c>#word</c>, compared in lower case) is a topic; a post with three
    /// hashtags counts once for each, a post with none counts only in the window total.</summary>
    Hashtag,

    /// <summary>The value of a column (<see cref="TrendOptions.TopicColumn"/>, for example a categorical <c>topic</c> or
    /// <c>event</c>) is the topic; a post with an empty value counts only in the window total.</summary>
    Column,

    /// <summary>A cluster id per post, supplied by the caller (for example from clustering fused features); an empty or
    /// <see langword="null"/> id counts only in the window total.</summary>
    Cluster,
}
