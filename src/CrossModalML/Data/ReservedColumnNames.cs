namespace CrossModalML.Data;

/// <summary>Column names that CrossModalML's pipelines create, so a user column may not take them.</summary>
internal static class ReservedColumnNames
{
    public const string InternalPrefix = "__cm_";

    private static readonly HashSet<string> Names = new(StringComparer.Ordinal) { "Features", "Score", "PredictedLabel", "Probability" };

    public static bool IsReserved(string name) =>
        Names.Contains(name) || name.StartsWith(InternalPrefix, StringComparison.Ordinal);

    public static void ThrowIfReserved(RawTable table, ColumnSchema column)
    {
        if (IsReserved(column.Name))
        {
            throw new PostDataException(
                $"The column '{column.Name}' in {table.Describe()} has a name CrossModalML reserves for its own columns (Features, Score, PredictedLabel, Probability and names starting with '{InternalPrefix}'). Rename the column, or override its role to Ignore.");
        }
    }
}
