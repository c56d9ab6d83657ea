using Microsoft.ML;
using Microsoft.ML.Data;

namespace CrossModalML.Tests.TestSupport;

/// <summary>Reading vector columns out of a featurized view, and comparing the vectors.</summary>
internal static class FeatureVectors
{
    /// <summary>Every row's value of a vector column, densified.</summary>
    public static float[][] Column(IDataView view, string column) =>
        view.GetColumn<VBuffer<float>>(column).Select(v => v.DenseValues().ToArray()).ToArray();

    /// <summary>The cosine of the angle between two vectors of equal length.</summary>
    public static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }

        return dot / Math.Sqrt(na * nb);
    }
}
