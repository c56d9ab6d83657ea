using Microsoft.ML.Data;

namespace CrossModalML.Featurization.Text;

/// <summary>Input row of the text mappings (social signals, scrubbing).</summary>
public sealed class TextColumnInput
{
    /// <summary>The text, copied into a fixed column name so the mappings work for any user column.</summary>
    [ColumnName(ColumnNames.TextInput)]
    public string Text { get; set; } = string.Empty;
}
