using Microsoft.ML.Data;

namespace CrossModalML.Featurization.Metadata;

/// <summary>Output row of the time mapping.</summary>
public sealed class TimeOutput
{
    /// <summary>The features described by <see cref="TimeFeatures"/>.</summary>
    [ColumnName(ColumnNames.TimeFeatures)]
    [VectorType(TimeFeatures.Length)]
    public float[] Features { get; set; } = new float[TimeFeatures.Length];
}
