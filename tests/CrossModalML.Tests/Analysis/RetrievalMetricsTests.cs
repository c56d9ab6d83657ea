using CrossModalML.Analysis.Retrieval;
using MathNet.Numerics.LinearAlgebra;

namespace CrossModalML.Tests.Analysis;

[TestClass]
public sealed class RetrievalMetricsTests
{
    [TestMethod]
    public void Random_baseline_at_500_candidates_has_recall_at_10_of_two_percent()
    {
        var random = RetrievalMetrics.Random(500);

        Assert.AreEqual(0.02, random.RecallAt10, 1e-12);
        Assert.AreEqual(250.5, random.MedianRank, 1e-12);
    }

    [TestMethod]
    public void FromRanks_counts_recall_and_the_median()
    {
        var metrics = RetrievalMetrics.FromRanks([1, 3, 7, 20], candidates: 20);

        Assert.AreEqual(0.25, metrics.RecallAt1, 1e-12);
        Assert.AreEqual(0.5, metrics.RecallAt5, 1e-12);
        Assert.AreEqual(0.75, metrics.RecallAt10, 1e-12);
        Assert.AreEqual(5, metrics.MedianRank, 1e-12);
    }

    [TestMethod]
    public void A_tie_with_the_true_partner_counts_half_a_place()
    {
        // Query 0's partner ties with one candidate and loses to none; query 1's partner loses to one.
        var scores = Matrix<double>.Build.DenseOfArray(new double[,] { { 0.5, 0.5, 0.1 }, { 0.9, 0.2, 0.1 }, { 0, 0, 1 } });

        var ranks = RetrievalEvaluator.DiagonalRanks(scores);

        CollectionAssert.AreEqual(new[] { 1.5, 2, 1 }, ranks);
    }

    [TestMethod]
    public void Recall_at_any_K_counts_the_ranks_and_is_K_over_N_for_random()
    {
        var metrics = RetrievalMetrics.FromRanks([3, 1, 7.5, 20], candidates: 40);

        Assert.AreEqual(0.25, metrics.RecallAt(1));
        Assert.AreEqual(0.5, metrics.RecallAt(7));
        Assert.AreEqual(0.75, metrics.RecallAt(8));
        Assert.AreEqual(metrics.RecallAt10, metrics.RecallAt(10));
        Assert.AreEqual(0.5, RetrievalMetrics.Random(40).RecallAt(20));
        Assert.AreEqual(1.0, RetrievalMetrics.Random(40).RecallAt(60));
    }
}
