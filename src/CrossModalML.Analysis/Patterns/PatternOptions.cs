using CrossModalML.Analysis.Clustering;
using CrossModalML.Analysis.Embedding;

namespace CrossModalML.Analysis.Patterns;

/// <summary>Settings of <see cref="PatternMiner"/>. Every default is usable as is.</summary>
public sealed class PatternOptions
{
    /// <summary>The fewest posts <see cref="PatternMiner.Mine"/> accepts.</summary>
    public const int MinimumPosts = 10;

    /// <summary>A fixed number of post clusters, or <c>null</c> (the default) to choose it by <see cref="Clustering"/>'s criterion.
    /// With a fixed count only <see cref="Clustering"/>'s seed and silhouette sample size are used.</summary>
    public int? ClusterCount { get; set; }

    /// <summary>The range of cluster counts tried and how one is chosen. Default: 2 to 10 clusters by silhouette.</summary>
    public ClusteringOptions Clustering { get; set; } = new();

    /// <summary>The text topic model. Default: 8 topics; <see cref="TopicModelOptions.TopicCount"/> 0 turns topics off.</summary>
    public TopicModelOptions Topics { get; set; } = new();

    /// <summary>What stands for the text in the clustered vectors. Default <see cref="ClusterTextFeatures.TopicMixture"/>
    /// (term components when topics are off).</summary>
    public ClusterTextFeatures TextFeatures { get; set; } = ClusterTextFeatures.TopicMixture;

    /// <summary>How image and metadata (and, with <see cref="ClusterTextFeatures.TermComponents"/>, text) become dense blocks;
    /// its <c>Featurizer.Modalities</c> picks the modalities clustered on. Default: <see cref="PostEmbeddingOptions"/>'s defaults,
    /// every modality, each block with the same weight.</summary>
    public PostEmbeddingOptions Embedding { get; set; } = new();

    /// <summary>The text column for topics, terms and mentions. Default: the first column with the Text role.</summary>
    public string? TextColumn { get; set; }

    /// <summary>The column naming each post's author for the interaction graph (any column, ignored ones too; useful
    /// when mentions use screen names and the User column holds numbers). Default: the first column with the User role.</summary>
    public string? UserColumn { get; set; }

    /// <summary>Words and hashtags listed per cluster. Default 8.</summary>
    public int TermsPerCluster { get; set; } = 8;

    /// <summary>Representative posts (and images) listed per cluster. Default 5.</summary>
    public int RepresentativePosts { get; set; } = 5;

    /// <summary>
    /// Keep user ids as written. Default false: every user id — graph accounts and <c>@mentions</c> in the texts the
    /// result shows — is replaced by a salted hash (<see cref="Privacy.UserIdHasher"/>, of the lower-cased id: <c>user_</c> + 16 hex digits).
    /// </summary>
    public bool RawUserIds { get; set; }

    /// <summary>The salt of the pseudonyms. Default <c>null</c>: a random salt per run, so pseudonyms cannot be matched
    /// across runs; give a secret salt to keep them stable.</summary>
    public string? PseudonymSalt { get; set; }

    /// <summary>PageRank and community settings of the interaction graph.</summary>
    public InteractionGraphOptions Graph { get; set; } = new();

    internal void Validate(int rowCount)
    {
        ArgumentNullException.ThrowIfNull(Clustering);
        ArgumentNullException.ThrowIfNull(Topics);
        ArgumentNullException.ThrowIfNull(Embedding);
        ArgumentNullException.ThrowIfNull(Graph);
        Topics.Validate();
        Graph.Validate();
        if (rowCount < MinimumPosts)
        {
            throw new ArgumentException($"Finding patterns needs at least {MinimumPosts} posts; the data set has {rowCount}.");
        }

        if (ClusterCount is { } k && (k < 2 || k >= rowCount))
        {
            throw new ArgumentOutOfRangeException(nameof(ClusterCount), k, $"A fixed cluster count must be at least 2 and below the number of posts ({rowCount}).");
        }

        if (TermsPerCluster is < 1 or > 100 || RepresentativePosts is < 1 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(TermsPerCluster), $"TermsPerCluster ({TermsPerCluster}) and RepresentativePosts ({RepresentativePosts}) must be 1 to 100.");
        }

        if (PseudonymSalt is { Length: 0 })
        {
            throw new ArgumentException("PseudonymSalt is empty; give a non-empty secret, or null for a random salt per run.", nameof(PseudonymSalt));
        }
    }
}
