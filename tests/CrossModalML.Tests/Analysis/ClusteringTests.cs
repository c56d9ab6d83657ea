using CrossModalML.Analysis.Clustering;

namespace CrossModalML.Tests.Analysis;

[TestClass]
public sealed class ClusteringTests
{
    [TestMethod]
    public void AutoKMeans_finds_the_number_of_separated_blobs()
    {
        var (points, truth) = Blobs(new[] { (0f, 0f), (8f, 0f), (0f, 8f), (8f, 8f) }, perBlob: 60, seed: 3);

        var result = AutoKMeans.Fit(points, new ClusteringOptions { MinClusters = 2, MaxClusters = 8 });

        Assert.AreEqual(4, result.ClusterCount);
        Assert.IsTrue(ClusterQuality.AdjustedRandIndex(result.Assignments, truth) > 0.95);
        Assert.AreEqual(7, result.Scores.Count);
    }

    [TestMethod]
    public void A_count_chosen_at_the_top_of_its_range_is_flagged_and_one_inside_it_is_not()
    {
        var (points, _) = Blobs(new[] { (0f, 0f), (8f, 0f), (0f, 8f), (8f, 8f) }, perBlob: 40, seed: 3);

        var cut = AutoKMeans.Fit(points, new ClusteringOptions { MinClusters = 2, MaxClusters = 3 });
        var wide = AutoKMeans.Fit(points, new ClusteringOptions { MinClusters = 2, MaxClusters = 6 });
        var fromFive = AutoKMeans.Fit(points, new ClusteringOptions { MinClusters = 5, MaxClusters = 7 });

        Assert.AreEqual(3, cut.ClusterCount);
        Assert.IsTrue(cut.ChosenAtLargestCount, "four blobs with at most three clusters: the largest count tried wins");
        Assert.AreEqual(4, wide.ClusterCount);
        Assert.IsFalse(wide.ChosenAtLargestCount);
        Assert.IsFalse(wide.ChosenAtSmallestCount, "2 is the natural floor, never flagged");
        Assert.AreEqual(5, fromFive.ClusterCount);
        Assert.IsTrue(fromFive.ChosenAtSmallestCount, "four blobs tried from five: the smallest count tried wins");
    }

    [TestMethod]
    public void Davies_Bouldin_criterion_also_finds_the_blobs()
    {
        var (points, _) = Blobs(new[] { (0f, 0f), (10f, 0f), (5f, 9f) }, perBlob: 50, seed: 5);

        var result = AutoKMeans.Fit(points, new ClusteringOptions { Criterion = ClusterCountCriterion.DaviesBouldin, MaxClusters = 6 });

        Assert.AreEqual(3, result.ClusterCount);
    }

    [TestMethod]
    public void Same_seed_gives_the_same_clustering()
    {
        var (points, _) = Blobs(new[] { (0f, 0f), (3f, 0f), (0f, 3f) }, perBlob: 40, seed: 7);

        var first = AutoKMeans.Fit(points);
        var second = AutoKMeans.Fit(points);

        CollectionAssert.AreEqual(first.Assignments.ToArray(), second.Assignments.ToArray());
    }

    [TestMethod]
    public void Adjusted_Rand_index_is_one_for_renamed_partitions_and_near_zero_for_chance()
    {
        int[] a = [0, 0, 1, 1, 2, 2];
        string[] renamed = ["x", "x", "y", "y", "z", "z"];
        Assert.AreEqual(1.0, ClusterQuality.AdjustedRandIndex(a, renamed), 1e-12);

        var random = new Random(1);
        var left = Enumerable.Range(0, 3000).Select(_ => random.Next(4)).ToArray();
        var right = Enumerable.Range(0, 3000).Select(_ => random.Next(4)).ToArray();
        Assert.AreEqual(0.0, ClusterQuality.AdjustedRandIndex(left, right), 0.01);

        // Worked example: {0,0,0,1,1,1} vs {0,0,1,1,2,2}: index 2, row pairs 6, column pairs 3, all 15 → ARI = (2 − 1.2) / (4.5 − 1.2).
        Assert.AreEqual(0.8 / 3.3, ClusterQuality.AdjustedRandIndex(new[] { 0, 0, 0, 1, 1, 1 }, new[] { 0, 0, 1, 1, 2, 2 }), 1e-12);
    }

    [TestMethod]
    public void Silhouette_is_high_for_separated_clusters_and_low_for_a_bad_split()
    {
        var (points, truth) = Blobs(new[] { (0f, 0f), (20f, 0f) }, perBlob: 30, seed: 2);
        var arbitrary = truth.Select((_, i) => i % 2).ToArray();

        Assert.IsTrue(ClusterQuality.Silhouette(points, truth) > 0.85);
        Assert.IsTrue(ClusterQuality.Silhouette(points, arbitrary) < 0.05);
    }

    [TestMethod]
    public void Bad_points_are_rejected_with_their_index()
    {
        var points = new List<float[]> { new[] { 0f, 1f }, new[] { 1f, 1f }, new[] { 2f }, new[] { 3f, 3f } };
        var error = Assert.ThrowsExactly<ArgumentException>(() => AutoKMeans.Fit(points));
        StringAssert.Contains(error.Message, "Point 2");

        points[2] = [float.NaN, 0f];
        error = Assert.ThrowsExactly<ArgumentException>(() => AutoKMeans.Fit(points));
        StringAssert.Contains(error.Message, "non-finite");

        Assert.ThrowsExactly<ArgumentException>(() => AutoKMeans.Fit(points.Take(2).ToList()));
    }

    internal static (List<float[]> Points, int[] Truth) Blobs((float X, float Y)[] centres, int perBlob, int seed)
    {
        var random = new Random(seed);
        var points = new List<float[]>();
        var truth = new List<int>();
        for (int c = 0; c < centres.Length; c++)
        {
            for (int i = 0; i < perBlob; i++)
            {
                points.Add([centres[c].X + Noise(random), centres[c].Y + Noise(random)]);
                truth.Add(c);
            }
        }

        return (points, truth.ToArray());
    }

    private static float Noise(Random random) => (float)((random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5) * 1.2);
}
