using Microsoft.ML.Data;

namespace CrossModalML.Featurization.Metadata;

/// <summary>Input row of the signed-log mapping: one numeric column, copied into a fixed name.</summary>
public sealed class SignedLogInput
{
    /// <summary>The value (NaN when missing).</summary>
    [ColumnName(SignedLogMappingFactory.InputColumn)]
    public float Value { get; set; }
}
