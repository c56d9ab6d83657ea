namespace CrossModalML.Data;

/// <summary>Resolves the task and the class labels from the label values of the rows that have one.</summary>
internal static class TaskResolver
{
    /// <summary>Numeric labels with at most this many distinct integer values are treated as classes.</summary>
    public const int MaxNumericClasses = 10;

    /// <summary>From this many labelled rows on, a label with a different value on every row is refused; a smaller
    /// sample may just be short.</summary>
    public const int MinRowsForSingletonCheck = 10;

    private const int MaxListedClasses = 10;

    public static (TaskKind Task, IReadOnlyList<string> ClassLabels) Resolve(
        RawTable table,
        int labelIndex,
        IReadOnlyList<RawRow> labelledRows,
        TaskKind requested)
    {
        var labelName = table.ColumnNames[labelIndex];
        if (labelledRows.Count == 0)
        {
            throw new PostDataException(
                $"The label column '{labelName}' in {table.Describe()} is empty in every row. Fill in labels, or choose another LabelColumn from: {table.ListColumns()}.");
        }

        if (requested == TaskKind.Regression)
        {
            foreach (var row in labelledRows)
            {
                ParseRegressionLabel(table, labelName, row.LineNumber, row.Cells[labelIndex].Trim());
            }

            return (TaskKind.Regression, []);
        }

        var distinct = new SortedSet<string>(StringComparer.Ordinal);
        var allNumbers = true;
        var allIntegers = true;
        foreach (var row in labelledRows)
        {
            var value = row.Cells[labelIndex].Trim();
            distinct.Add(value);
            var isNumber = CellValues.TryParseNumber(value, out var number);
            allNumbers = allNumbers && isNumber;
            allIntegers = allIntegers && isNumber && number == Math.Floor(number);
        }

        if (requested == TaskKind.Auto && allNumbers && (!allIntegers || distinct.Count > MaxNumericClasses))
        {
            return (TaskKind.Regression, []);
        }

        if (distinct.Count == 1)
        {
            throw new PostDataException(
                $"The label column '{labelName}' in {table.Describe()} has the single value '{distinct.Min}' in all {labelledRows.Count} labelled rows. A classifier needs at least two classes; check that the file and LabelColumn are the right ones.");
        }

        if (requested == TaskKind.Binary && distinct.Count != 2)
        {
            throw new PostDataException(
                $"Task is Binary, but the label column '{labelName}' in {table.Describe()} has {distinct.Count} classes ({ListClasses(distinct)}). Binary needs exactly two; use Multiclass or Auto.");
        }

        if (distinct.Count == labelledRows.Count && labelledRows.Count >= MinRowsForSingletonCheck)
        {
            throw new PostDataException(
                $"The label column '{labelName}' in {table.Describe()} has a different value in each of its {labelledRows.Count} labelled rows ({ListClasses(distinct)}): every class has a single example, so a classifier can neither learn nor be evaluated. It looks like an identifier or free text; choose another LabelColumn, or Regression if the values are numbers.");
        }

        var task = requested == TaskKind.Auto
            ? (distinct.Count == 2 ? TaskKind.Binary : TaskKind.Multiclass)
            : requested;
        return (task, distinct.ToArray());
    }

    public static float ParseRegressionLabel(RawTable table, string labelName, int lineNumber, string value)
    {
        if (!CellValues.TryParseNumber(value, out var number))
        {
            throw new PostDataException(
                $"{table.Locate(lineNumber)}, column '{labelName}': the label '{value}' is not a number, but the task is Regression. Write it as an invariant-culture number such as 3.5, or use a classification task.");
        }

        return (float)number;
    }

    private static string ListClasses(IReadOnlyCollection<string> classes)
    {
        var listed = string.Join(", ", classes.Take(MaxListedClasses).Select(value => $"'{value}'"));
        return classes.Count > MaxListedClasses ? listed + ", ..." : listed;
    }
}
