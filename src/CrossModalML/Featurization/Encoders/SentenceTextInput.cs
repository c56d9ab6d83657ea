using Microsoft.ML.Data;

namespace CrossModalML.Featurization.Encoders;

/// <summary>Input row of the sentence-encoder mapping.</summary>
public sealed class SentenceTextInput
{
    /// <summary>The post's text (empty when it has none), copied into a fixed column name.</summary>
    [ColumnName(ColumnNames.SentenceText)]
    public string Text { get; set; } = string.Empty;
}
