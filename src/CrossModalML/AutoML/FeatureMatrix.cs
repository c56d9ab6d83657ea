using Microsoft.ML.Data;

namespace CrossModalML.AutoML;

/// <summary>Every row's fused feature vector for one featurizer choice; read-only once built.</summary>
/// <param name="Rows">One vector per row, in data order.</param>
/// <param name="Length">The vector length.</param>
internal sealed record FeatureMatrix(VBuffer<float>[] Rows, int Length);
