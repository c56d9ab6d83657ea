using MathNet.Numerics.LinearAlgebra;

namespace CrossModalML.Analysis.Retrieval;

/// <summary>Regularised canonical correlation analysis (Hotelling 1936; the ridge form of Hardoon, Szedmak and
/// Shawe-Taylor 2004): finds directions in two paired views whose projections correlate as much as possible.</summary>
/// <remarks>
/// <para>Method: both views are centred; each covariance is shrunk towards a scaled identity,
/// <c>C(λ) = (1 − λ)·C + λ·(trace(C)/d)·I</c>; each view is whitened with <c>C(λ)^(−1/2)</c> from a symmetric
/// eigen-decomposition; the whitened cross-covariance is decomposed by SVD, and its top singular vectors, mapped back
/// through the whitening, are the canonical directions. The singular values are the (regularised) canonical
/// correlations.</para>
/// <para>The shrinkage form makes <c>λ</c> independent of the features' scale: 0 is classical CCA (unstable when a view
/// has more dimensions than the sample supports), values near 1 approach partial least squares.</para>
/// <para>Thread-safety: stateless; every call works on its own copies.</para>
/// </remarks>
internal static class CanonicalCorrelationAnalysis
{
    /// <summary>Fits CCA to paired rows.</summary>
    /// <param name="x">The first view, one row per sample.</param>
    /// <param name="y">The second view, one row per sample, paired with <paramref name="x"/> row by row.</param>
    /// <param name="components">How many canonical pairs to keep; at most the smaller view's column count.</param>
    /// <param name="regularization">Shrinkage λ in [0, 1).</param>
    /// <returns>The means, the projection matrices and the canonical correlations, strongest first.</returns>
    /// <exception cref="ArgumentException">The views have different row counts, fewer than two rows, or a view has no
    /// variance at all.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="components"/> is below 1 or above the smaller view's
    /// dimension, or <paramref name="regularization"/> is outside [0, 1).</exception>
    public static CanonicalCorrelationModel Fit(Matrix<double> x, Matrix<double> y, int components, double regularization)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.RowCount != y.RowCount)
        {
            throw new ArgumentException($"The two views must be paired row by row, but the first has {x.RowCount} rows and the second {y.RowCount}.", nameof(y));
        }

        if (x.RowCount < 2)
        {
            throw new ArgumentException($"CCA needs at least two paired rows to estimate covariances; got {x.RowCount}.", nameof(x));
        }

        int maxComponents = Math.Min(x.ColumnCount, y.ColumnCount);
        if (components < 1 || components > maxComponents)
        {
            throw new ArgumentOutOfRangeException(
                nameof(components),
                components,
                $"The number of canonical components must be between 1 and the smaller view's dimension ({x.ColumnCount} and {y.ColumnCount} columns): choose at most {maxComponents}.");
        }

        if (!(regularization >= 0 && regularization < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(regularization), regularization, "Regularisation λ must be in [0, 1): 0 is classical CCA, larger values shrink the covariances more.");
        }

        var meanX = ColumnMeans(x);
        var meanY = ColumnMeans(y);
        var xc = Centre(x, meanX);
        var yc = Centre(y, meanY);
        double scale = 1.0 / (x.RowCount - 1);
        var whitenX = InverseSquareRoot(Shrink(xc.TransposeThisAndMultiply(xc) * scale, regularization, "first"));
        var whitenY = InverseSquareRoot(Shrink(yc.TransposeThisAndMultiply(yc) * scale, regularization, "second"));
        var crossCovariance = xc.TransposeThisAndMultiply(yc) * scale;

        var svd = (whitenX * crossCovariance * whitenY).Svd(computeVectors: true);
        var projectionX = whitenX * svd.U.SubMatrix(0, svd.U.RowCount, 0, components);
        var projectionY = whitenY * svd.VT.SubMatrix(0, components, 0, svd.VT.ColumnCount).Transpose();

        // Shrinkage and rounding can push a singular value a hair past 1; a correlation cannot exceed 1.
        var correlations = svd.S.SubVector(0, components).Select(s => Math.Clamp(s, 0, 1)).ToArray();
        return new CanonicalCorrelationModel(meanX, meanY, projectionX, projectionY, correlations);
    }

    internal static Vector<double> ColumnMeans(Matrix<double> m) => m.ColumnSums() / m.RowCount;

    internal static Matrix<double> Centre(Matrix<double> m, Vector<double> mean)
    {
        var centred = m.Clone();
        for (int c = 0; c < centred.ColumnCount; c++)
        {
            double mu = mean[c];
            for (int r = 0; r < centred.RowCount; r++)
            {
                centred[r, c] -= mu;
            }
        }

        return centred;
    }

    /// <summary>Shrinks a covariance towards a multiple of the identity with the same trace.</summary>
    internal static Matrix<double> Shrink(Matrix<double> covariance, double regularization, string view)
    {
        double averageVariance = covariance.Trace() / covariance.RowCount;
        if (!(averageVariance > 0))
        {
            throw new ArgumentException($"The {view} view has no variance: every row has the same features, so nothing can be correlated with it.");
        }

        var shrunk = covariance * (1 - regularization);
        for (int i = 0; i < shrunk.RowCount; i++)
        {
            shrunk[i, i] += regularization * averageVariance;
        }

        return shrunk;
    }

    /// <summary>C^(−1/2) of a symmetric positive semi-definite matrix.</summary>
    /// <remarks>Eigenvalues are floored at a tiny fraction of the largest, so that a rank-deficient covariance
    /// (λ = 0 with constant or collinear features) whitens the directions it has instead of dividing by zero.</remarks>
    internal static Matrix<double> InverseSquareRoot(Matrix<double> symmetric)
    {
        var evd = symmetric.Evd(Symmetricity.Symmetric);
        var values = evd.EigenValues.Select(v => v.Real).ToArray();
        double floor = Math.Max(values.Max(), double.Epsilon) * 1e-10;
        var inverseRoots = Vector<double>.Build.Dense(values.Length, i => 1.0 / Math.Sqrt(Math.Max(values[i], floor)));
        var vectors = evd.EigenVectors;
        return vectors * Matrix<double>.Build.DiagonalOfDiagonalVector(inverseRoots) * vectors.Transpose();
    }
}
