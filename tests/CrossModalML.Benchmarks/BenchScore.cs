using Microsoft.ML.Data;

namespace CrossModalML.Benchmarks;

/// <summary>The raw output a multiclass model writes, read by ML.NET's PredictionEngine.</summary>
public sealed class BenchScore
{
    [ColumnName("Score")]
    public float[] Score { get; set; } = [];
}
