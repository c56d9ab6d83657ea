using CrossModalML.Analysis.Clustering;
using CrossModalML.Analysis.Embedding;

namespace CrossModalML.Analysis.Patterns;

/// <summary>What <see cref="PatternMiner.Mine"/> found: post clusters, text topics and the interaction graph.</summary>
/// <remarks>Immutable. User ids in it are pseudonyms unless <see cref="PatternOptions.RawUserIds"/> was set
/// (<see cref="UsersPseudonymized"/>).</remarks>
public sealed class PatternResult
{
    internal PatternResult(
        IReadOnlyList<string> postIds,
        IReadOnlyList<PostCluster> clusters,
        ClusteringResult clustering,
        IReadOnlyList<EmbeddingBlock> blocks,
        IReadOnlyList<(double X, double Y)> map,
        TopicModel? topics,
        InteractionGraph? graph,
        string? labelColumn,
        IReadOnlyList<string> labels,
        IReadOnlyList<string> displayTexts,
        bool usersPseudonymized)
    {
        PostIds = postIds;
        Clusters = clusters;
        Clustering = clustering;
        Blocks = blocks;
        Map = map;
        Topics = topics;
        Graph = graph;
        LabelColumn = labelColumn;
        Labels = labels;
        DisplayTexts = displayTexts;
        UsersPseudonymized = usersPseudonymized;
    }

    /// <summary>Each post's id (the id column, or <c>line N</c>), in row order.</summary>
    public IReadOnlyList<string> PostIds { get; }

    /// <summary>The clusters, numbered 0 to count − 1.</summary>
    public IReadOnlyList<PostCluster> Clusters { get; }

    /// <summary>Each post's cluster, in row order.</summary>
    public IReadOnlyList<int> Assignments => Clustering.Assignments;

    /// <summary>The k-means fit: centroids, and the silhouette and Davies–Bouldin index of every count tried.</summary>
    public ClusteringResult Clustering { get; }

    /// <summary>The blocks of the clustered vectors (for a topic-mix text block, source width = topic count).</summary>
    public IReadOnlyList<EmbeddingBlock> Blocks { get; }

    /// <summary>Each post's position on the first two principal components of the clustered vectors, for a cluster map.</summary>
    public IReadOnlyList<(double X, double Y)> Map { get; }

    /// <summary>The text topics, or <c>null</c> when topics were off.</summary>
    public TopicModel? Topics { get; }

    /// <summary>The interaction graph from mentions and retweets, or <c>null</c> when the posts have no text.</summary>
    public InteractionGraph? Graph { get; }

    /// <summary>The label column whose values <see cref="PostCluster.LabelCounts"/> count, or <c>null</c>.</summary>
    public string? LabelColumn { get; }

    /// <summary>The distinct label values, in ordinal order (empty without a label column).</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Each post's text with <c>@mentions</c> pseudonymised as the accounts are (empty without text), for showing posts.</summary>
    public IReadOnlyList<string> DisplayTexts { get; }

    /// <summary>True when user ids were replaced by salted hashes.</summary>
    public bool UsersPseudonymized { get; }

    /// <summary>What a reader should know before trusting the result, e.g. that the chosen number of clusters is the
    /// edge of the range tried. Empty when there is nothing to say.</summary>
    public IReadOnlyList<string> Warnings
    {
        get
        {
            var warnings = new List<string>();
            var scores = Clustering.Scores;
            if (Clustering.ChosenAtLargestCount)
            {
                warnings.Add(
                    $"The chosen number of clusters, {Clustering.ClusterCount}, is the largest tried ({scores[0].ClusterCount}–{scores[^1].ClusterCount}): " +
                    "more clusters may score better. Raise PatternOptions.Clustering.MaxClusters to look further, or fix the count with PatternOptions.ClusterCount.");
            }

            if (Clustering.ChosenAtSmallestCount)
            {
                warnings.Add(
                    $"The chosen number of clusters, {Clustering.ClusterCount}, is the smallest tried ({scores[0].ClusterCount}–{scores[^1].ClusterCount}): " +
                    "fewer clusters may score better. Lower PatternOptions.Clustering.MinClusters to look further.");
            }

            return warnings;
        }
    }
}
