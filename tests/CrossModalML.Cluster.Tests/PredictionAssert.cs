using CrossModalML.Prediction;

namespace CrossModalML.Cluster.Tests;

internal static class PredictionAssert
{
    /// <summary>Same labels, same probabilities to the bit, same warnings, row by row.</summary>
    public static void Equal(IReadOnlyList<PostPrediction> expected, IReadOnlyList<PostPrediction> actual, string where)
    {
        Assert.HasCount(expected.Count, actual, where);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.AreEqual(expected[i].PredictedLabel, actual[i].PredictedLabel, $"{where} row {i}");
            CollectionAssert.AreEqual(expected[i].Probabilities.ToList(), actual[i].Probabilities.ToList(), $"{where} row {i}");
            CollectionAssert.AreEqual(expected[i].Warnings.ToList(), actual[i].Warnings.ToList(), $"{where} row {i}");
        }
    }
}
