namespace CrossModalML.Analysis.Clustering;

/// <summary>How <see cref="AutoKMeans"/> picks the number of clusters.</summary>
public enum ClusterCountCriterion
{
    /// <summary>The largest mean silhouette (cohesion against separation, −1 to 1; higher is better).</summary>
    Silhouette,

    /// <summary>The smallest Davies–Bouldin index (mean worst-case ratio of spread to centroid distance; lower is better).</summary>
    DaviesBouldin,
}
