namespace CrossModalML.Analysis.Users;

/// <summary>The behavioural feature blocks a user's segmentation vector is built from. Combine with <c>|</c>.</summary>
/// <remarks>
/// Every block is an average over the user's posts, shrunk toward the all-posts average by
/// <see cref="UserBehaviourOptions.PriorPosts"/> pseudo-posts, then scaled so that each chosen block has the same mean
/// squared length across users: no block decides the segments because it has more dimensions.
/// </remarks>
[Flags]
public enum UserProfileFeatures
{
    /// <summary>No block.</summary>
    None = 0,

    /// <summary>Topic mix: the share of the user's posts carrying each of the data set's most used hashtags, and the
    /// share of each value of every categorical column (other than the label). Centred, not scaled per dimension,
    /// so a rare tag weighs less than a common one.</summary>
    Topics = 1,

    /// <summary>Activity rhythm: the mean sine and cosine of the hour of day (which encode the circular mean hour and
    /// how concentrated posting is) and the weekend share. Standardised per dimension.</summary>
    Rhythm = 2,

    /// <summary>Engagement: the mean of <c>sign(x)·log(1 + |x|)</c> of every numeric column (likes, shares, …).
    /// Standardised per dimension.</summary>
    Engagement = 4,

    /// <summary>The mean of the user's fused post embeddings (text, image and metadata, from <c>PostEmbedder</c>). Centred.</summary>
    Embedding = 8,

    /// <summary>Label tendency: the user's distribution over the label column's values. Off by default: a label such as
    /// sentiment usually describes single posts rather than who writes them.</summary>
    Label = 16,

    /// <summary>Topics, rhythm, engagement and the mean embedding (the default).</summary>
    Default = Topics | Rhythm | Engagement | Embedding,
}
