namespace CrossModalML.Data;

/// <summary>Turns a <see cref="RawTable"/> and the columns' roles into a typed <see cref="PostDataset"/>.
/// File loading, scoring loads and in-memory posts all go through here, so they type values the same way.</summary>
internal static class PostTableBuilder
{
    /// <summary>Builds the data set.</summary>
    /// <param name="table">The rows as read.</param>
    /// <param name="columns">The columns to keep, each present in <paramref name="table"/>, with their final roles.</param>
    /// <param name="task">The task; <see cref="TaskKind.Auto"/> is resolved from the label when <paramref name="knownClassLabels"/> is null.</param>
    /// <param name="knownClassLabels">The classes of a trained model, or <see langword="null"/> to infer them from the labels.</param>
    /// <param name="strictImages">Whether a missing or undecodable image is an error rather than a warning.</param>
    /// <param name="images">The allowed image root and pixel limit; an image outside the root is always an error.</param>
    /// <param name="diagnostics">Collects skips and warnings; its role decisions must already be filled in.</param>
    /// <param name="progress">Receives short progress messages, if given.</param>
    public static PostDataset Build(
        RawTable table,
        IReadOnlyList<ColumnSchema> columns,
        TaskKind task,
        IReadOnlyList<string>? knownClassLabels,
        bool strictImages,
        ImageFileGate images,
        LoadDiagnostics diagnostics,
        IProgress<string>? progress)
    {
        foreach (var column in columns.Where(column => column.Role != ColumnRole.Ignore))
        {
            ReservedColumnNames.ThrowIfReserved(table, column);
        }

        var label = columns.FirstOrDefault(column => column.Role == ColumnRole.Label);
        var labelIndex = label is null ? -1 : table.IndexOf(label.Name);
        var rows = table.Rows;
        IReadOnlyList<string> classLabels = knownClassLabels ?? [];
        if (label is not null)
        {
            rows = SkipUnlabelled(table, labelIndex, diagnostics);
            if (knownClassLabels is null)
            {
                (task, classLabels) = TaskResolver.Resolve(table, labelIndex, rows, task);
            }
            else
            {
                CheckKnownLabels(table, labelIndex, rows, task, knownClassLabels, diagnostics);
            }
        }

        foreach (var warning in table.ReadWarnings)
        {
            diagnostics.Warn(warning);
        }

        progress?.Report($"Typing {rows.Count} rows of {table.Describe()}.");
        var imageChecker = new ImagePathChecker(table.BaseDirectory, images, decodeFully: strictImages);
        var stored = new List<StoredColumn>(columns.Count);
        foreach (var column in columns)
        {
            var index = table.IndexOf(column.Name);
            stored.Add(column.Role switch
            {
                ColumnRole.Text => new StoredColumn(column, rows.Select(row => row.Cells[index]).ToArray(), null, null),
                ColumnRole.Numeric => BuildNumeric(table, column, index, rows, diagnostics),
                ColumnRole.Label when task == TaskKind.Regression => BuildRegressionLabel(table, column, index, rows),
                ColumnRole.Image => BuildImages(table, column, index, rows, imageChecker, strictImages, diagnostics),
                _ => new StoredColumn(column, rows.Select(row => row.Cells[index].Trim()).ToArray(), null, null),
            });
        }

        var lineNumbers = rows.Select(row => row.LineNumber).ToArray();
        var report = diagnostics.ToReport(table.Rows.Count, rows.Count);
        return new PostDataset(table.IsFile ? table.Source : null, stored, task, classLabels, lineNumbers, report) { ImagesCheckedAgainstRoot = images.Root };
    }

    private static IReadOnlyList<RawRow> SkipUnlabelled(RawTable table, int labelIndex, LoadDiagnostics diagnostics)
    {
        var reason = $"empty label in column '{table.ColumnNames[labelIndex]}'";
        var kept = new List<RawRow>(table.Rows.Count);
        foreach (var row in table.Rows)
        {
            if (string.IsNullOrWhiteSpace(row.Cells[labelIndex]))
            {
                diagnostics.Skip(reason, row.LineNumber);
            }
            else
            {
                kept.Add(row);
            }
        }

        return kept;
    }

    private static void CheckKnownLabels(
        RawTable table,
        int labelIndex,
        IReadOnlyList<RawRow> rows,
        TaskKind task,
        IReadOnlyList<string> classLabels,
        LoadDiagnostics diagnostics)
    {
        if (task == TaskKind.Regression)
        {
            // Parsing here only validates; the typed column is built with the others.
            foreach (var row in rows)
            {
                TaskResolver.ParseRegressionLabel(table, table.ColumnNames[labelIndex], row.LineNumber, row.Cells[labelIndex].Trim());
            }

            return;
        }

        var known = new HashSet<string>(classLabels, StringComparer.Ordinal);
        var unknown = rows.Where(row => !known.Contains(row.Cells[labelIndex].Trim())).ToList();
        if (unknown.Count > 0)
        {
            var examples = string.Join("; ", unknown.Take(LoadDiagnostics.MaxExamples).Select(row => $"line {row.LineNumber}: '{row.Cells[labelIndex].Trim()}'"));
            diagnostics.Warn(
                $"{unknown.Count} rows of {table.Describe()} have a label in column '{table.ColumnNames[labelIndex]}' that the model never saw (e.g. {examples}); known classes: {string.Join(", ", classLabels)}. Those rows always count as errors.");
        }
    }

    private static StoredColumn BuildNumeric(RawTable table, ColumnSchema column, int index, IReadOnlyList<RawRow> rows, LoadDiagnostics diagnostics)
    {
        var values = new string[rows.Count];
        var numbers = new float[rows.Count];
        var bad = new List<(int Line, string Value)>();
        for (var i = 0; i < rows.Count; i++)
        {
            values[i] = rows[i].Cells[index].Trim();
            if (values[i].Length == 0 || CellValues.IsMissingNumberMarker(values[i]))
            {
                numbers[i] = float.NaN;
            }
            else if (CellValues.TryParseNumber(values[i], out var number))
            {
                numbers[i] = (float)number;
            }
            else
            {
                numbers[i] = float.NaN;
                bad.Add((rows[i].LineNumber, values[i]));
            }
        }

        if (bad.Count > 0)
        {
            var examples = string.Join("; ", bad.Take(LoadDiagnostics.MaxExamples).Select(entry => $"line {entry.Line}: '{entry.Value}'"));
            diagnostics.Warn(
                $"Numeric column '{column.Name}' of {table.Describe()}: {bad.Count} of {rows.Count} values are not invariant-culture numbers and are treated as missing (e.g. {examples}). Fix them, or override the column's role if it is not numeric.");
        }

        return new StoredColumn(column, values, null, numbers);
    }

    private static StoredColumn BuildRegressionLabel(RawTable table, ColumnSchema column, int index, IReadOnlyList<RawRow> rows)
    {
        var values = rows.Select(row => row.Cells[index].Trim()).ToArray();
        var numbers = new float[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            numbers[i] = TaskResolver.ParseRegressionLabel(table, column.Name, rows[i].LineNumber, values[i]);
        }

        return new StoredColumn(column, values, null, numbers);
    }

    private static StoredColumn BuildImages(
        RawTable table,
        ColumnSchema column,
        int index,
        IReadOnlyList<RawRow> rows,
        ImagePathChecker checker,
        bool strict,
        LoadDiagnostics diagnostics)
    {
        var values = new string[rows.Count];
        var paths = new string[rows.Count];
        var problems = new Dictionary<ImageProblem, List<(int Line, ImageAdmission Image)>>();
        for (var i = 0; i < rows.Count; i++)
        {
            values[i] = rows[i].Cells[index].Trim();
            paths[i] = string.Empty;
            if (values[i].Length == 0)
            {
                continue;
            }

            var admission = checker.Check(values[i]);
            if (admission.Problem is not { } problem)
            {
                paths[i] = admission.Path;
                continue;
            }

            if (problem == ImageProblem.OutsideRoot)
            {
                // Never a warning: an image outside the root is refused, not scored as missing.
                throw new PostDataException(
                    $"{table.Locate(rows[i].LineNumber)}, column '{column.Name}': the image '{values[i]}' resolves to '{admission.Path}', which is {checker.Gate.Describe(admission)}. " +
                    $"Give a path inside that directory (relative paths are resolved against {ResolvedAgainst(table)}).");
            }

            if (strict)
            {
                throw new PostDataException(
                    $"{table.Locate(rows[i].LineNumber)}, column '{column.Name}': the image '{admission.Path}' is {checker.Gate.Describe(admission)}. Fix the path (relative paths are resolved against {ResolvedAgainst(table)}), or turn StrictImages off to keep the post without its image.");
            }

            if (!problems.TryGetValue(problem, out var list))
            {
                list = [];
                problems.Add(problem, list);
            }

            list.Add((rows[i].LineNumber, admission));
        }

        foreach (var (problem, list) in problems.OrderBy(entry => entry.Key))
        {
            var examples = string.Join("; ", list.Take(LoadDiagnostics.MaxExamples).Select(entry => problem == ImageProblem.TooLarge
                ? $"line {entry.Line}: {entry.Image.Path}, {entry.Image.Width} x {entry.Image.Height}"
                : $"line {entry.Line}: {entry.Image.Path}"));
            var what = problem == ImageProblem.TooLarge
                ? $"larger than the limit of {checker.Gate.MaxPixels:N0} pixels (width x height), so they are not decoded"
                : checker.Gate.Describe(list[0].Image);
            diagnostics.Warn(
                $"Image column '{column.Name}' of {table.Describe()}: {list.Count} images are {what} (e.g. {examples}). Those posts are kept with their image marked missing.");
        }

        return new StoredColumn(column, values, paths, null);
    }

    private static string ResolvedAgainst(RawTable table) => table.IsFile ? "the data file's directory" : $"'{table.BaseDirectory}'";
}
