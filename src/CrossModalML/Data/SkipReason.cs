namespace CrossModalML.Data;

/// <summary>One reason rows were left out of a data set, how often it happened, and where.</summary>
/// <param name="Reason">What was wrong with the rows, for example "empty label in column 'label'".</param>
/// <param name="Count">How many rows were skipped for this reason.</param>
/// <param name="ExampleLines">The 1-based line numbers (row numbers for in-memory posts) of the first few skipped rows.</param>
public sealed record SkipReason(string Reason, int Count, IReadOnlyList<int> ExampleLines);
