namespace CrossModalML.Analysis.Clustering;

/// <summary>The chosen clustering: each point's cluster, the centroids and the scores of every tried count.</summary>
public sealed class ClusteringResult
{
    internal ClusteringResult(int[] assignments, float[][] centroids, IReadOnlyList<ClusterCountScore> scores, ClusterCountScore chosen)
    {
        Assignments = assignments;
        Centroids = centroids;
        Scores = scores;
        Chosen = chosen;
    }

    /// <summary>The number of clusters chosen.</summary>
    public int ClusterCount => Centroids.Count;

    /// <summary>Each point's cluster, 0 to <see cref="ClusterCount"/> − 1, in input order.</summary>
    public IReadOnlyList<int> Assignments { get; }

    /// <summary>The cluster centres, in the input's space.</summary>
    public IReadOnlyList<float[]> Centroids { get; }

    /// <summary>The score of every number of clusters tried, in increasing order of count.</summary>
    public IReadOnlyList<ClusterCountScore> Scores { get; }

    /// <summary>The score of the chosen count.</summary>
    public ClusterCountScore Chosen { get; }

    /// <summary>True when more than one count was tried and the chosen one is the largest tried: the criterion may
    /// still improve beyond the range, so the range (<see cref="ClusteringOptions.MaxClusters"/>) should be widened
    /// before the count is trusted.</summary>
    public bool ChosenAtLargestCount => Scores.Count > 1 && Chosen.ClusterCount == Scores[^1].ClusterCount;

    /// <summary>True when more than one count was tried, the smallest tried is above 2, and the chosen one is that
    /// smallest: fewer clusters (<see cref="ClusteringOptions.MinClusters"/>) may score better.</summary>
    public bool ChosenAtSmallestCount => Scores.Count > 1 && Scores[0].ClusterCount > 2 && Chosen.ClusterCount == Scores[0].ClusterCount;

    /// <summary>How many points fell in each cluster.</summary>
    public IReadOnlyList<int> Sizes => Enumerable.Range(0, ClusterCount).Select(c => Assignments.Count(a => a == c)).ToArray();
}
