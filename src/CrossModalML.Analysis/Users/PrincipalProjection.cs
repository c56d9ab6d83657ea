using CrossModalML.Analysis.Reporting;
using MathNet.Numerics.LinearAlgebra;

namespace CrossModalML.Analysis.Users;

/// <summary>Projects vectors onto their first two principal components, for a 2-D map.</summary>
internal static class PrincipalProjection
{
    public static IReadOnlyList<ChartPoint> TwoDimensions(IReadOnlyList<float[]> vectors)
    {
        if (vectors.Count == 0)
        {
            return [];
        }

        int width = vectors[0].Length;
        var means = Enumerable.Range(0, width).Select(j => vectors.Average(v => (double)v[j])).ToArray();
        var centred = Matrix<double>.Build.Dense(vectors.Count, width, (i, j) => vectors[i][j] - means[j]);
        var covariance = centred.TransposeThisAndMultiply(centred) / vectors.Count;
        var evd = covariance.Evd(Symmetricity.Symmetric);
        var order = Enumerable.Range(0, width).OrderByDescending(i => evd.EigenValues[i].Real).ToArray();
        var first = evd.EigenVectors.Column(order[0]);
        var second = width > 1 ? evd.EigenVectors.Column(order[1]) : Vector<double>.Build.Dense(width);

        // Fix each component's sign (largest loading positive) so the same data always draws the same map.
        first = first[first.AbsoluteMaximumIndex()] < 0 ? -first : first;
        second = second[second.AbsoluteMaximumIndex()] < 0 ? -second : second;
        var x = centred * first;
        var y = centred * second;
        return Enumerable.Range(0, vectors.Count).Select(i => new ChartPoint(x[i], y[i])).ToArray();
    }
}
