using MathNet.Numerics.LinearAlgebra;

namespace CrossModalML.Analysis.Retrieval;

/// <summary>Partial least squares in its symmetric (PLS-SVD) form: the directions of two paired views whose projections
/// have the largest covariance, from the SVD of the cross-covariance.</summary>
/// <remarks>
/// <para>Unlike CCA, nothing is whitened, so directions along which a view barely varies cannot win by being rescaled;
/// PLS is the limit of the shrunk CCA as λ approaches 1. Each component is weighted by the correlation of its paired
/// projections on the training rows, so a <see cref="CanonicalCorrelationModel"/> holds the result and the space scores
/// it exactly as it scores CCA.</para>
/// <para>Thread-safety: stateless; every call works on its own copies.</para>
/// </remarks>
internal static class PartialLeastSquares
{
    /// <summary>Fits PLS to paired rows.</summary>
    /// <param name="x">The first view, one row per sample.</param>
    /// <param name="y">The second view, paired with <paramref name="x"/> row by row.</param>
    /// <param name="components">Directions to keep, from 1 to the smaller view's column count.</param>
    /// <exception cref="ArgumentException">The views have different row counts or fewer than two rows.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="components"/> is out of range.</exception>
    public static CanonicalCorrelationModel Fit(Matrix<double> x, Matrix<double> y, int components)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.RowCount != y.RowCount || x.RowCount < 2)
        {
            throw new ArgumentException($"PLS needs at least two rows paired row by row; got {x.RowCount} and {y.RowCount}.", nameof(y));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(components, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(components, Math.Min(x.ColumnCount, y.ColumnCount));
        var meanX = CanonicalCorrelationAnalysis.ColumnMeans(x);
        var meanY = CanonicalCorrelationAnalysis.ColumnMeans(y);
        var xc = CanonicalCorrelationAnalysis.Centre(x, meanX);
        var yc = CanonicalCorrelationAnalysis.Centre(y, meanY);
        var svd = xc.TransposeThisAndMultiply(yc).Svd(computeVectors: true);
        var projectionX = svd.U.SubMatrix(0, svd.U.RowCount, 0, components);
        var projectionY = svd.VT.SubMatrix(0, components, 0, svd.VT.ColumnCount).Transpose();
        var scoresX = xc * projectionX;
        var scoresY = yc * projectionY;
        var correlations = Enumerable.Range(0, components).Select(k => Correlation(scoresX.Column(k), scoresY.Column(k))).ToArray();
        return new CanonicalCorrelationModel(meanX, meanY, projectionX, projectionY, correlations);
    }

    /// <summary>The correlation of two centred score columns, clamped to [0, 1] (a direction that correlates negatively
    /// on the training rows carries no weight).</summary>
    private static double Correlation(Vector<double> a, Vector<double> b)
    {
        double norms = a.L2Norm() * b.L2Norm();
        return norms > 0 ? Math.Clamp(a.DotProduct(b) / norms, 0, 1) : 0;
    }
}
