namespace CrossModalML.Analysis.Users;

/// <summary>One user's behaviour, aggregated from their posts.</summary>
/// <remarks>
/// <see cref="User"/> is a salted pseudonym unless the analysis was asked for raw ids
/// (<see cref="UserBehaviourOptions.RawUserIds"/>); nothing else in a profile names a user (mentions are left out of
/// the terms). Immutable.
/// </remarks>
public sealed class UserProfile
{
    internal UserProfile(
        string user,
        IReadOnlyList<int> rows,
        float[] embedding,
        IReadOnlyList<ValueShare> labels,
        IReadOnlyList<ValueShare> hashtags,
        IReadOnlyDictionary<string, IReadOnlyList<ValueShare>> categories,
        IReadOnlyList<string> topTerms,
        ActivityRhythm rhythm,
        IReadOnlyDictionary<string, EngagementSummary> engagement)
    {
        User = user;
        Rows = rows;
        Embedding = embedding;
        Labels = labels;
        Hashtags = hashtags;
        Categories = categories;
        TopTerms = topTerms;
        Rhythm = rhythm;
        Engagement = engagement;
    }

    /// <summary>The user as shown in results and reports: a pseudonym such as <c>user_3f9a1c2b07de4a55</c>, or the raw id
    /// when <see cref="UserBehaviourOptions.RawUserIds"/> is set.</summary>
    public string User { get; }

    /// <summary>The user's posts, as 0-based rows of the analysed data set.</summary>
    public IReadOnlyList<int> Rows { get; }

    /// <summary>How many posts the user wrote.</summary>
    public int PostCount => Rows.Count;

    /// <summary>The mean of the user's fused post embeddings (see <see cref="UserBehaviourResult.Embeddings"/>).</summary>
    public IReadOnlyList<float> Embedding { get; }

    /// <summary>Label tendency: the share of the user's posts with each label value, most frequent first; empty when
    /// the data set has no label column.</summary>
    public IReadOnlyList<ValueShare> Labels { get; }

    /// <summary>The user's most used hashtags (lower case), by share of their posts carrying each, at most
    /// <see cref="UserBehaviourOptions.TopHashtags"/>.</summary>
    public IReadOnlyList<ValueShare> Hashtags { get; }

    /// <summary>For every categorical column (not the label): the share of the user's posts with each value, most
    /// frequent first.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ValueShare>> Categories { get; }

    /// <summary>The words most typical of the user's texts (TF-IDF against all posts; hashtags, mentions and web
    /// addresses left out), at most <see cref="UserBehaviourOptions.TopTerms"/>.</summary>
    public IReadOnlyList<string> TopTerms { get; }

    /// <summary>When the user posts.</summary>
    public ActivityRhythm Rhythm { get; }

    /// <summary>Mean and median of every numeric column over the user's posts, by column name.</summary>
    public IReadOnlyDictionary<string, EngagementSummary> Engagement { get; }

    /// <summary>The user's segment number (1 is the largest segment).</summary>
    public int Segment { get; internal set; }
}
