using Microsoft.ML.Data;

namespace CrossModalML.Featurization.Text;

/// <summary>Input row of the social-signals mapping.</summary>
public sealed class SocialSignalsInput
{
    /// <summary>The text, copied into a fixed column name so the mapping works for any user column.</summary>
    [ColumnName(ColumnNames.TextInput)]
    public string Text { get; set; } = string.Empty;
}
