using MathNet.Numerics.LinearAlgebra;

namespace CrossModalML.Analysis.Retrieval;

/// <summary>The no-CCA baseline: a ridge least-squares map from one view's centred features onto the other's.</summary>
internal sealed class LeastSquaresMap
{
    private readonly Vector<double> _sourceMean;
    private readonly Matrix<double> _weights;

    private LeastSquaresMap(Vector<double> sourceMean, Vector<double> targetMean, Matrix<double> weights)
    {
        _sourceMean = sourceMean;
        TargetMean = targetMean;
        _weights = weights;
    }

    public Vector<double> SourceMean => _sourceMean;

    public Vector<double> TargetMean { get; }

    /// <summary>The source-dimension × target-dimension ridge weights.</summary>
    public Matrix<double> Weights => _weights;

    /// <summary>Solves ((1 − λ)·C + λ·(trace(C)/d)·I) W = XᵀY / (n − 1), the same shrinkage the CCA uses.</summary>
    public static LeastSquaresMap Fit(Matrix<double> source, Matrix<double> target, double regularization)
    {
        var sourceMean = CanonicalCorrelationAnalysis.ColumnMeans(source);
        var targetMean = CanonicalCorrelationAnalysis.ColumnMeans(target);
        var xc = CanonicalCorrelationAnalysis.Centre(source, sourceMean);
        var yc = CanonicalCorrelationAnalysis.Centre(target, targetMean);
        double scale = 1.0 / (source.RowCount - 1);
        var covariance = CanonicalCorrelationAnalysis.Shrink(xc.TransposeThisAndMultiply(xc) * scale, Math.Max(regularization, 1e-6), "source");
        var weights = covariance.Cholesky().Solve(xc.TransposeThisAndMultiply(yc) * scale);
        return new LeastSquaresMap(sourceMean, targetMean, weights);
    }

    /// <summary>Predicts centred target features for source rows.</summary>
    public Matrix<double> Map(Matrix<double> source) => CanonicalCorrelationAnalysis.Centre(source, _sourceMean) * _weights;
}
