using System.Text;

namespace CrossModalML.Data;

/// <summary>What loading a data set did: rows read, used and skipped (with reasons), warnings, and each column's role.</summary>
/// <remarks>Immutable. A data set made with <see cref="PostDataset.Select"/> shares its source's report, which
/// describes the load, not the selection.</remarks>
public sealed class DataLoadReport
{
    internal DataLoadReport(
        int rowsRead,
        int rowsUsed,
        IReadOnlyList<SkipReason> skipReasons,
        IReadOnlyList<string> warnings,
        IReadOnlyList<RoleDecision> roleDecisions)
    {
        RowsRead = rowsRead;
        RowsUsed = rowsUsed;
        SkipReasons = skipReasons;
        Warnings = warnings;
        RoleDecisions = roleDecisions;
    }

    /// <summary>Data rows read from the source (the header and blank lines are not rows).</summary>
    public int RowsRead { get; }

    /// <summary>Rows in the data set.</summary>
    public int RowsUsed { get; }

    /// <summary>Rows left out: <see cref="RowsRead"/> minus <see cref="RowsUsed"/>.</summary>
    public int RowsSkipped => RowsRead - RowsUsed;

    /// <summary>Why rows were left out, with counts and example line numbers, in the order first met.</summary>
    public IReadOnlyList<SkipReason> SkipReasons { get; }

    /// <summary>Things that did not stop the load but deserve a look (missing images, columns ignored as possible leaks).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Each column's role and why, in column order.</summary>
    public IReadOnlyList<RoleDecision> RoleDecisions { get; }

    /// <summary>A readable multi-line summary, for logs and the command line.</summary>
    /// <returns>The summary.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine($"Rows: {RowsRead} read, {RowsUsed} used, {RowsSkipped} skipped.");
        foreach (var skip in SkipReasons)
        {
            text.AppendLine($"  skipped {skip.Count}: {skip.Reason} (e.g. line {string.Join(", ", skip.ExampleLines)})");
        }

        text.AppendLine("Columns:");
        foreach (var decision in RoleDecisions)
        {
            text.AppendLine($"  {decision.Column}: {decision.Role} ({decision.Source}: {decision.Reason})");
        }

        foreach (var warning in Warnings)
        {
            text.AppendLine($"Warning: {warning}");
        }

        return text.ToString();
    }
}
