using Microsoft.ML.Data;

namespace CrossModalML.Featurization.Metadata;

/// <summary>Input row of the time mapping.</summary>
public sealed class TimeInput
{
    /// <summary>The timestamp text, copied into a fixed column name.</summary>
    [ColumnName(ColumnNames.TimeInput)]
    public string Timestamp { get; set; } = string.Empty;
}
