using CrossModalML.Analysis.Clustering;
using CrossModalML.Analysis.Embedding;

namespace CrossModalML.Analysis.Users;

/// <summary>Settings of <see cref="UserBehaviourAnalyzer"/>. The defaults are the ones documented on each property.</summary>
public sealed class UserBehaviourOptions
{
    /// <summary>The column naming each post's author. Default <c>null</c>: the data set's <c>User</c>-role column
    /// (the loader gives that role to <c>user_id</c>, <c>author</c>, <c>username</c> and similar names). A named column must
    /// have the <c>User</c>, <c>Ignore</c> or <c>Id</c> role, so that no embedding learns from the ids.</summary>
    public string? UserColumn { get; set; }

    /// <summary>Users with fewer posts are left out of profiles, segments and recommendations (their posts can still
    /// be recommended to others). Default 1: everyone.</summary>
    public int MinPostsPerUser { get; set; } = 1;

    /// <summary>The number of segments; <c>null</c> (the default) chooses it with <see cref="Segmentation"/>.</summary>
    public int? SegmentCount { get; set; }

    /// <summary>Range of segment counts tried and the criterion that picks one, when <see cref="SegmentCount"/> is
    /// <c>null</c>. Default: 2 to 10 segments by silhouette, seed 1.</summary>
    public ClusteringOptions Segmentation { get; set; } = new();

    /// <summary>Which behavioural blocks the segmentation vectors are built from. Default
    /// <see cref="UserProfileFeatures.Default"/> (topic mix, rhythm, engagement, mean embedding). Blocks the data
    /// cannot fill (no timestamp column, no numeric column, …) are skipped.</summary>
    public UserProfileFeatures SegmentFeatures { get; set; } = UserProfileFeatures.Default;

    /// <summary>Pseudo-posts of the all-posts average mixed into every user's averages before segmentation, so that a
    /// user with three posts is not placed at an extreme by chance. 0 turns it off. Default 1.</summary>
    public double PriorPosts { get; set; } = 1;

    /// <summary>How many of the data set's most used hashtags (by number of users) form the topic-mix block. Default 40.</summary>
    public int HashtagVocabulary { get; set; } = 40;

    /// <summary>Hashtags listed per user and per segment. Default 5.</summary>
    public int TopHashtags { get; set; } = 5;

    /// <summary>Terms listed per user and per segment. Default 5.</summary>
    public int TopTerms { get; set; } = 5;

    /// <summary>How post embeddings (for profiles and recommendations) are made. Default: <see cref="PostEmbeddingOptions"/>'s
    /// defaults (every modality, balanced blocks).</summary>
    public PostEmbeddingOptions Embedding { get; set; } = new();

    /// <summary>
    /// Show raw user ids in profiles, results and reports. Default false: users are shown as salted pseudonyms
    /// (<see cref="Privacy.UserIdHasher"/>: <c>user_</c> + 16 hex digits of HMAC-SHA256 of the id keyed with <see cref="PseudonymSalt"/>). Set it only for
    /// an internal report.
    /// </summary>
    public bool RawUserIds { get; set; }

    /// <summary>
    /// The salt (HMAC key) of the pseudonyms. Default <c>null</c>: a random 256-bit salt per analysis, which is not
    /// kept, so pseudonyms differ between runs and cannot be reversed by hashing guessed ids. Pass the same secret to
    /// get the same pseudonyms across runs; keep it out of the artefacts.
    /// </summary>
    public string? PseudonymSalt { get; set; }

    internal void Validate()
    {
        if (MinPostsPerUser < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MinPostsPerUser), MinPostsPerUser, "A user needs at least 1 post to be profiled.");
        }

        if (SegmentCount is < 2 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(SegmentCount), SegmentCount, "Ask for 2 to 100 segments, or leave it null to choose automatically.");
        }

        if (SegmentFeatures == UserProfileFeatures.None)
        {
            throw new ArgumentException("SegmentFeatures is None; choose at least one block, for example UserProfileFeatures.Default.", nameof(SegmentFeatures));
        }

        if (!double.IsFinite(PriorPosts) || PriorPosts < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(PriorPosts), PriorPosts, "PriorPosts must be 0 or more.");
        }

        foreach (var (name, value) in new[] { (nameof(HashtagVocabulary), HashtagVocabulary), (nameof(TopHashtags), TopHashtags), (nameof(TopTerms), TopTerms) })
        {
            if (value is < 0 or > 1000)
            {
                throw new ArgumentOutOfRangeException(name, value, "Use 0 to 1,000.");
            }
        }

        if (PseudonymSalt is { Length: 0 })
        {
            throw new ArgumentException("PseudonymSalt is empty; pass a secret of at least one character, or null for a random salt.", nameof(PseudonymSalt));
        }

        ArgumentNullException.ThrowIfNull(Segmentation, nameof(Segmentation));
        ArgumentNullException.ThrowIfNull(Embedding, nameof(Embedding));
    }
}
