namespace CrossModalML.Data;

/// <summary>One row of a post file as its reader parsed it: where it starts and its values by column name.</summary>
/// <param name="LineNumber">The 1-based line on which the row starts.</param>
/// <param name="Keys">The column name of each value: the header for delimited files, the row's own keys for JSON Lines.</param>
/// <param name="Values">The values, one per key.</param>
internal sealed record PostRecord(int LineNumber, IReadOnlyList<string> Keys, string[] Values);
