namespace CrossModalML.Data;

/// <summary>One data row as read, before any typing.</summary>
/// <param name="LineNumber">The 1-based line on which the row starts in its file (its 1-based position for in-memory posts).</param>
/// <param name="Cells">The row's values in header order; a missing value is empty text.</param>
internal sealed record RawRow(int LineNumber, string[] Cells);
