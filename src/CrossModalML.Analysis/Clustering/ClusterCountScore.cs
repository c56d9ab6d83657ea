namespace CrossModalML.Analysis.Clustering;

/// <summary>The quality of one tried number of clusters.</summary>
/// <param name="ClusterCount">The number of clusters.</param>
/// <param name="Silhouette">Mean silhouette on the sample (higher is better).</param>
/// <param name="DaviesBouldin">Davies–Bouldin index on all points (lower is better).</param>
public sealed record ClusterCountScore(int ClusterCount, double Silhouette, double DaviesBouldin);
