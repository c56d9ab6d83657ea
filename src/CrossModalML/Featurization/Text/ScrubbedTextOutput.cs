using Microsoft.ML.Data;

namespace CrossModalML.Featurization.Text;

/// <summary>Output row of the scrubbing mapping.</summary>
public sealed class ScrubbedTextOutput
{
    /// <summary>The text with personal data replaced by tokens (see <see cref="TextScrubber"/>).</summary>
    [ColumnName(ColumnNames.ScrubbedText)]
    public string Text { get; set; } = string.Empty;
}
