namespace CrossModalML.Analysis.Clustering;

/// <summary>Settings of <see cref="AutoKMeans"/>.</summary>
public sealed class ClusteringOptions
{
    /// <summary>Smallest number of clusters tried. Default 2.</summary>
    public int MinClusters { get; set; } = 2;

    /// <summary>Largest number of clusters tried (capped at the number of points − 1). Default 10.</summary>
    public int MaxClusters { get; set; } = 10;

    /// <summary>How the number of clusters is chosen. Default <see cref="ClusterCountCriterion.Silhouette"/>.</summary>
    public ClusterCountCriterion Criterion { get; set; } = ClusterCountCriterion.Silhouette;

    /// <summary>
    /// Most points the silhouette is computed on (a seeded sample; the silhouette costs the square of the count).
    /// Every point is still clustered. Default 2,000.
    /// </summary>
    public int SilhouetteSampleSize { get; set; } = 2000;

    /// <summary>Seed of k-means initialisation and the silhouette sample. Default 1.</summary>
    public int Seed { get; set; } = 1;

    internal void Validate(int pointCount)
    {
        if (MinClusters < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(MinClusters), MinClusters, "At least 2 clusters must be tried.");
        }

        if (MaxClusters < MinClusters)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxClusters), MaxClusters, $"MaxClusters must be at least MinClusters ({MinClusters}).");
        }

        if (SilhouetteSampleSize < 10)
        {
            throw new ArgumentOutOfRangeException(nameof(SilhouetteSampleSize), SilhouetteSampleSize, "The silhouette sample needs at least 10 points.");
        }

        if (pointCount <= MinClusters)
        {
            throw new ArgumentException($"Clustering into at least {MinClusters} groups needs more than {MinClusters} points; got {pointCount}.");
        }
    }
}
