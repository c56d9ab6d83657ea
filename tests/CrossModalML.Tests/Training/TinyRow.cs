using Microsoft.ML.Data;

namespace CrossModalML.Tests.Training;

/// <summary>A row of the small planted-signal data set that trainer tests fit on.</summary>
internal sealed class TinyRow
{
    [VectorType(4)]
    public float[] Features { get; set; } = [];

    public bool IsPositive { get; set; }

    public string Class { get; set; } = string.Empty;

    public float Value { get; set; }

    public float Weight { get; set; }
}
