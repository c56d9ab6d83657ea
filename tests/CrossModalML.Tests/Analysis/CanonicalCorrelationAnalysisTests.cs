using CrossModalML.Analysis.Retrieval;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace CrossModalML.Tests.Analysis;

[TestClass]
public sealed class CanonicalCorrelationAnalysisTests
{
    private const int Rows = 4000;

    // One latent factor z is shared: x's hidden coordinate is z + e and y's is z + f with Var(e) = Var(f) = 0.25, so
    // their correlation is 1 / (1 + 0.25) = 0.8. Everything else is independent noise, and both views are rotated so
    // that no single column shows the factor.
    private const double PlantedCorrelation = 0.8;

    [TestMethod]
    public void Fit_recovers_the_planted_correlation_and_nothing_else()
    {
        var (x, y) = PlantedViews(seed: 7);

        var model = CanonicalCorrelationAnalysis.Fit(x, y, components: 3, regularization: 0);

        Assert.AreEqual(PlantedCorrelation, model.Correlations[0], 0.03, "first canonical correlation");
        Assert.IsLessThan(0.1, model.Correlations[1], "second canonical correlation (only noise is left)");
    }

    [TestMethod]
    public void Canonical_variates_are_uncorrelated_within_each_view()
    {
        var (x, y) = PlantedViews(seed: 11);
        var model = CanonicalCorrelationAnalysis.Fit(x, y, components: 4, regularization: 0);

        foreach (var variates in new[] { model.TransformX(x), model.TransformY(y) })
        {
            var correlation = Correlation(variates);
            for (int i = 0; i < correlation.RowCount; i++)
            {
                for (int j = 0; j < i; j++)
                {
                    Assert.AreEqual(0, correlation[i, j], 1e-6, $"correlation of canonical variates {i} and {j}");
                }
            }
        }
    }

    [TestMethod]
    public void Fit_rejects_more_components_than_the_narrower_view_has()
    {
        var (x, y) = PlantedViews(seed: 3);

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => CanonicalCorrelationAnalysis.Fit(x, y, components: 6, regularization: 0.1));

        StringAssert.Contains(error.Message, "at most 5");
    }

    [TestMethod]
    public void Fit_rejects_views_that_are_not_paired_row_by_row()
    {
        var (x, y) = PlantedViews(seed: 3);

        Assert.ThrowsExactly<ArgumentException>(() => CanonicalCorrelationAnalysis.Fit(x, y.SubMatrix(0, Rows - 1, 0, y.ColumnCount), components: 1, regularization: 0.1));
    }

    private static (Matrix<double> X, Matrix<double> Y) PlantedViews(int seed)
    {
        var random = new Random(seed);
        var z = Normal.Samples(random, 0, 1).Take(Rows).ToArray();
        var x = Matrix<double>.Build.Dense(Rows, 6, (r, c) => Normal.Sample(random, 0, 1));
        var y = Matrix<double>.Build.Dense(Rows, 5, (r, c) => Normal.Sample(random, 0, 1));
        for (int r = 0; r < Rows; r++)
        {
            x[r, 0] = z[r] + Normal.Sample(random, 0, 0.5);
            y[r, 0] = z[r] + Normal.Sample(random, 0, 0.5);
        }

        return (x * RandomRotation(random, 6), y * RandomRotation(random, 5));
    }

    private static Matrix<double> RandomRotation(Random random, int size) =>
        Matrix<double>.Build.Dense(size, size, (r, c) => Normal.Sample(random, 0, 1)).QR().Q;

    private static Matrix<double> Correlation(Matrix<double> m)
    {
        var centred = m - Matrix<double>.Build.Dense(m.RowCount, m.ColumnCount, (r, c) => m.Column(c).Average());
        var covariance = centred.TransposeThisAndMultiply(centred);
        var scale = Vector<double>.Build.Dense(m.ColumnCount, i => 1 / Math.Sqrt(covariance[i, i]));
        return Matrix<double>.Build.DiagonalOfDiagonalVector(scale) * covariance * Matrix<double>.Build.DiagonalOfDiagonalVector(scale);
    }
}
