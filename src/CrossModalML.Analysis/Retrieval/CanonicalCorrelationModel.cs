using MathNet.Numerics.LinearAlgebra;

namespace CrossModalML.Analysis.Retrieval;

/// <summary>A fitted canonical correlation analysis: per view, the training mean and the matrix that maps a centred
/// row to its canonical variates.</summary>
/// <remarks>Immutable and safe to use from several threads; the matrices it exposes are copies.</remarks>
public sealed class CanonicalCorrelationModel
{
    private readonly Vector<double> _meanX;
    private readonly Vector<double> _meanY;
    private readonly Matrix<double> _projectionX;
    private readonly Matrix<double> _projectionY;
    private readonly double[] _correlations;

    internal CanonicalCorrelationModel(Vector<double> meanX, Vector<double> meanY, Matrix<double> projectionX, Matrix<double> projectionY, double[] correlations)
    {
        _meanX = meanX;
        _meanY = meanY;
        _projectionX = projectionX;
        _projectionY = projectionY;
        _correlations = correlations;
    }

    /// <summary>The number of canonical components kept.</summary>
    public int Components => _correlations.Length;

    /// <summary>The canonical correlations, strongest first, one per component.</summary>
    public IReadOnlyList<double> Correlations => _correlations;

    /// <summary>The first view's training mean.</summary>
    public Vector<double> MeanX => _meanX.Clone();

    /// <summary>The second view's training mean.</summary>
    public Vector<double> MeanY => _meanY.Clone();

    /// <summary>The first view's canonical directions, one column per component (dimension × components).</summary>
    public Matrix<double> ProjectionX => _projectionX.Clone();

    /// <summary>The second view's canonical directions, one column per component (dimension × components).</summary>
    public Matrix<double> ProjectionY => _projectionY.Clone();

    /// <summary>Maps rows of the first view to canonical variates.</summary>
    /// <param name="x">One row per sample, with the first view's column count.</param>
    /// <returns>One row per sample, <see cref="Components"/> columns.</returns>
    /// <exception cref="ArgumentException">The column count differs from the training view's.</exception>
    public Matrix<double> TransformX(Matrix<double> x) => Project(x, _meanX, _projectionX, "first");

    /// <summary>Maps rows of the second view to canonical variates.</summary>
    /// <param name="y">One row per sample, with the second view's column count.</param>
    /// <returns>One row per sample, <see cref="Components"/> columns.</returns>
    /// <exception cref="ArgumentException">The column count differs from the training view's.</exception>
    public Matrix<double> TransformY(Matrix<double> y) => Project(y, _meanY, _projectionY, "second");

    private static Matrix<double> Project(Matrix<double> rows, Vector<double> mean, Matrix<double> projection, string view)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.ColumnCount != mean.Count)
        {
            throw new ArgumentException($"The {view} view was fitted with {mean.Count} columns, but these rows have {rows.ColumnCount}.", nameof(rows));
        }

        return CanonicalCorrelationAnalysis.Centre(rows, mean) * projection;
    }
}
