using CrossModalML.Analysis.Retrieval;
using MathNet.Numerics.LinearAlgebra;

namespace CrossModalML.Tests.Analysis;

[TestClass]
public sealed class PartialLeastSquaresTests
{
    [TestMethod]
    public void Pls_finds_the_shared_signal_and_retrieves_held_out_pairs_far_above_random()
    {
        var random = new Random(3);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

        // 2-d shared signal, copied into the first columns of both views, beside private noise of similar size.
        var shared = Matrix<double>.Build.Dense(400, 2, (_, _) => Normal());
        var texts = Matrix<double>.Build.Dense(400, 8, (r, c) => c < 2 ? shared[r, c] + (0.3 * Normal()) : Normal());
        var images = Matrix<double>.Build.Dense(400, 10, (r, c) => c < 2 ? shared[r, c] + (0.3 * Normal()) : Normal());

        var model = PartialLeastSquares.Fit(texts.SubMatrix(0, 300, 0, 8), images.SubMatrix(0, 300, 0, 10), 2);
        var (textToImage, _) = SharedSpaceFitter.Score(model, texts.SubMatrix(300, 100, 0, 8), images.SubMatrix(300, 100, 0, 10));

        Assert.IsTrue(model.Correlations.All(c => c > 0.8 && c <= 1), string.Join(", ", model.Correlations));
        Assert.IsGreaterThan(3 * RetrievalMetrics.Random(100).RecallAt10, textToImage.RecallAt10);
    }
}
