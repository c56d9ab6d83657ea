using System.Security.Cryptography;
using System.Text;
using Microsoft.ML;

namespace CrossModalML.Data;

/// <summary>Posts loaded into memory and typed by column role, ready for featurization, training and scoring.</summary>
/// <remarks>
/// <para>Immutable and safe to read from several threads. <see cref="DataView"/> follows the conventions on
/// <see cref="ColumnRole"/>: numeric columns and regression labels are <see cref="float"/> (missing is NaN), every
/// other kept column is text (missing is empty), image columns hold absolute paths (empty when the image is missing or
/// unusable). Ignored columns are listed in <see cref="Columns"/> but left out of <see cref="DataView"/>; the Id
/// column is always kept.</para>
/// <para>Make one with <see cref="PostDatasetLoader.Load"/>, <see cref="PostDatasetLoader.LoadForScoring"/> or
/// <see cref="FromRows"/>.</para>
/// </remarks>
public sealed class PostDataset
{
    private readonly IReadOnlyList<StoredColumn> _columns;
    private readonly int[] _lineNumbers;
    private readonly Lazy<IDataView> _dataView;
    private readonly Lazy<string> _fingerprint;

    internal PostDataset(
        string? sourcePath,
        IReadOnlyList<StoredColumn> columns,
        TaskKind task,
        IReadOnlyList<string> classLabels,
        int[] lineNumbers,
        DataLoadReport report)
    {
        SourcePath = sourcePath;
        _columns = columns;
        _lineNumbers = lineNumbers;
        Columns = columns.Select(column => column.Schema).ToArray();
        LabelColumn = Columns.FirstOrDefault(column => column.Role == ColumnRole.Label)?.Name;
        Task = task;
        ClassLabels = classLabels;
        Report = report;
        _dataView = new Lazy<IDataView>(CreateDataView);
        _fingerprint = new Lazy<string>(ComputeFingerprint);
    }

    /// <summary>The full path of the file the posts came from, or <see langword="null"/> for in-memory posts.</summary>
    public string? SourcePath { get; }

    /// <summary>The real path of the image root every image path was checked against when the posts were typed, or
    /// <see langword="null"/> when there was none; lets a predictor with the same root skip checking them again.</summary>
    internal string? ImagesCheckedAgainstRoot { get; init; }

    /// <summary>Every column with its role, ignored ones included: in file order after
    /// <see cref="PostDatasetLoader.Load"/>, in schema order after a scoring load or <see cref="FromRows"/>.</summary>
    public IReadOnlyList<ColumnSchema> Columns { get; }

    /// <summary>The label column's name, or <see langword="null"/> when the data set has no label.</summary>
    public string? LabelColumn { get; }

    /// <summary>The resolved task; <see cref="TaskKind.Auto"/> only when the data set was loaded without a label.</summary>
    public TaskKind Task { get; }

    /// <summary>The classes, sorted by ordinal string order; empty for regression and for unlabelled data.</summary>
    public IReadOnlyList<string> ClassLabels { get; }

    /// <summary>The number of rows (posts).</summary>
    public int RowCount => _lineNumbers.Length;

    /// <summary>An <see cref="IDataView"/> over the typed columns. It cannot shuffle (<see cref="IDataView.CanShuffle"/> is false)
    /// and knows its row count.</summary>
    public IDataView DataView => _dataView.Value;

    /// <summary>What the load did: rows read, used and skipped, warnings, and each column's role and why.</summary>
    public DataLoadReport Report { get; }

    /// <summary>A lowercase hex SHA-256 over the column names and every row's values, in column order.</summary>
    /// <remarks>Deterministic and independent of where the file lies: image columns are hashed as written in the file,
    /// not as resolved paths. Any changed value, column name, row order or row count changes it.</remarks>
    public string Fingerprint => _fingerprint.Value;

    /// <summary>Builds a data set from posts held in memory, with a known schema (for example a saved model's).</summary>
    /// <param name="schema">The columns and roles. A <see cref="ColumnRole.Label"/> column is left out unless
    /// <paramref name="keepLabel"/>: by default the posts are for scoring.</param>
    /// <param name="task">The model's task, recorded on the data set.</param>
    /// <param name="classLabels">The model's classes, recorded on the data set (empty for regression).</param>
    /// <param name="rows">The posts, as column name to value. A missing key or <see langword="null"/> value is a missing value;
    /// keys that are not in <paramref name="schema"/> are ignored.</param>
    /// <param name="imageBaseDirectory">The directory relative image paths are resolved against; <see langword="null"/>
    /// means the current directory.</param>
    /// <param name="keepLabel">Keep the schema's label column, for evaluating posts held in memory.</param>
    /// <returns>The data set. A missing or undecodable image never throws: its path becomes empty (the image modality is
    /// missing) and <see cref="Report"/> has a warning, as does an image larger than 40 megapixels. Only regular files
    /// are opened. Row numbers in messages are 1-based positions in <paramref name="rows"/>.</returns>
    public static PostDataset FromRows(
        IReadOnlyList<ColumnSchema> schema,
        TaskKind task,
        IReadOnlyList<string> classLabels,
        IEnumerable<IReadOnlyDictionary<string, string?>> rows,
        string? imageBaseDirectory,
        bool keepLabel = false)
        => FromRowsWithImageGate(schema, task, classLabels, rows, imageBaseDirectory, ImageFileGate.Unrestricted, keepLabel);

    /// <summary><see cref="FromRows"/> with an image root and pixel limit; an image outside the root throws a
    /// <see cref="PostDataException"/>.</summary>
    internal static PostDataset FromRowsWithImageGate(
        IReadOnlyList<ColumnSchema> schema,
        TaskKind task,
        IReadOnlyList<string> classLabels,
        IEnumerable<IReadOnlyDictionary<string, string?>> rows,
        string? imageBaseDirectory,
        ImageFileGate images,
        bool keepLabel = false)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(classLabels);
        ArgumentNullException.ThrowIfNull(rows);
        var columns = PostDatasetLoader.ValidateSchema(schema, nameof(schema))
            .Where(column => keepLabel || column.Role != ColumnRole.Label)
            .ToArray();
        var names = columns.Select(column => column.Name).ToArray();
        var rawRows = new List<RawRow>();
        foreach (var row in rows)
        {
            if (row is null)
            {
                throw new ArgumentException($"Row {rawRows.Count + 1} of the posts is null; pass a dictionary of column name to value for every post.", nameof(rows));
            }

            var cells = new string[names.Length];
            for (var c = 0; c < names.Length; c++)
            {
                cells[c] = row.TryGetValue(names[c], out var value) ? value ?? string.Empty : string.Empty;
            }

            rawRows.Add(new RawRow(rawRows.Count + 1, cells));
        }

        var table = RawTable.FromMemory(names, rawRows, imageBaseDirectory ?? Environment.CurrentDirectory);
        var diagnostics = new LoadDiagnostics();
        diagnostics.RoleDecisions.AddRange(columns.Select(column => new RoleDecision(column.Name, column.Role, RoleSource.Schema, "given by the schema")));
        return PostTableBuilder.Build(table, columns, task, classLabels, strictImages: false, images, diagnostics, progress: null);
    }

    /// <summary>Each row's label as text (the label as written, also for regression), for stratified splits.</summary>
    /// <returns>One label per row, in row order.</returns>
    /// <exception cref="InvalidOperationException">The data set has no label column.</exception>
    public IReadOnlyList<string> GetLabels()
    {
        if (LabelColumn is null)
        {
            throw new InvalidOperationException("This data set has no label column; load it with PostLoadOptions.LabelColumn set to get labels.");
        }

        return GetColumnValues(LabelColumn);
    }

    /// <summary>Each row's value of a column as text: image columns give the absolute path (empty when missing), other
    /// columns the value as written (trimmed except for text columns; empty when missing). Works for ignored columns too.</summary>
    /// <param name="column">The column's name, as in <see cref="Columns"/>.</param>
    /// <returns>One value per row, in row order.</returns>
    /// <exception cref="ArgumentException">No column has that name.</exception>
    public IReadOnlyList<string> GetColumnValues(string column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var stored = _columns.FirstOrDefault(candidate => string.Equals(candidate.Schema.Name, column, StringComparison.Ordinal))
            ?? throw new ArgumentException(
                $"This data set has no column '{column}'. Its columns are: {string.Join(", ", Columns.Select(c => $"'{c.Name}'"))}.",
                nameof(column));
        return Array.AsReadOnly(stored.TextValues);
    }

    /// <summary>For each row, one warning per image the post names but could not be read (no file, not decodable, or a
    /// web address): such a post is featurized and scored without that image.</summary>
    /// <returns>One list per row, in row order; empty for a row whose images were all read or that names none.</returns>
    public IReadOnlyList<IReadOnlyList<string>> ImageWarnings()
    {
        var warnings = new List<string>?[RowCount];
        foreach (var column in _columns.Where(c => c.Schema.Role == ColumnRole.Image && c.ImagePaths is not null))
        {
            for (int row = 0; row < RowCount; row++)
            {
                var cell = column.Values[row].Trim();
                if (cell.Length > 0 && column.ImagePaths![row].Length == 0)
                {
                    (warnings[row] ??= []).Add($"image '{cell}' in column '{column.Schema.Name}' is missing or unreadable: scored without the image");
                }
            }
        }

        return warnings.Select(w => (IReadOnlyList<string>?)w ?? []).ToList();
    }

    /// <summary>A new data set over some of these rows, in the given order, with the same columns, task and classes.</summary>
    /// <param name="rowIndices">0-based row indices; repeats are allowed (for bootstrap samples).</param>
    /// <returns>The selection. Its <see cref="Report"/> is this data set's, describing the original load.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An index is negative or not below <see cref="RowCount"/>.</exception>
    public PostDataset Select(IReadOnlyList<int> rowIndices)
    {
        ArgumentNullException.ThrowIfNull(rowIndices);
        for (var i = 0; i < rowIndices.Count; i++)
        {
            if (rowIndices[i] < 0 || rowIndices[i] >= RowCount)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(rowIndices),
                    rowIndices[i],
                    $"Row index {rowIndices[i]} (at position {i}) is outside this data set's rows 0 to {RowCount - 1}.");
            }
        }

        var lineNumbers = rowIndices.Select(index => _lineNumbers[index]).ToArray();
        var columns = _columns.Select(column => column.Select(rowIndices)).ToArray();
        return new PostDataset(SourcePath, columns, Task, ClassLabels, lineNumbers, Report);
    }

    /// <summary>A new data set with this data set's rows followed by <paramref name="other"/>'s, e.g. new posts and the
    /// posts an old model was trained on.</summary>
    /// <param name="other">Posts with the same columns (names and roles, in the same order), task and classes.</param>
    /// <returns>The union. Its <see cref="SourcePath"/> and <see cref="Report"/> are this data set's; row numbers in
    /// messages refer to each row's own file.</returns>
    /// <exception cref="ArgumentException">The columns, task or classes differ.</exception>
    public PostDataset Append(PostDataset other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!Columns.SequenceEqual(other.Columns))
        {
            throw new ArgumentException(
                $"{other.Describe()} has the columns [{string.Join(", ", other.Columns.Select(c => $"{c.Name}:{c.Role}"))}], but {Describe()} has " +
                $"[{string.Join(", ", Columns.Select(c => $"{c.Name}:{c.Role}"))}]; only posts with the same columns and roles can be joined.", nameof(other));
        }

        if (Task != other.Task || !ClassLabels.SequenceEqual(other.ClassLabels, StringComparer.Ordinal))
        {
            throw new ArgumentException(
                $"{other.Describe()} is a {other.Task} task with classes [{string.Join(", ", other.ClassLabels)}], but {Describe()} is {Task} with " +
                $"[{string.Join(", ", ClassLabels)}]; load both with the same task and classes.", nameof(other));
        }

        var columns = _columns.Zip(other._columns, (mine, theirs) => new StoredColumn(
            mine.Schema,
            [.. mine.Values, .. theirs.Values],
            mine.ImagePaths is null ? null : [.. mine.ImagePaths, .. theirs.ImagePaths ?? new string[other.RowCount]],
            mine.Numbers is null ? null : [.. mine.Numbers, .. theirs.Numbers ?? new float[other.RowCount]])).ToArray();
        return new PostDataset(SourcePath, columns, Task, ClassLabels, [.. _lineNumbers, .. other._lineNumbers], Report);
    }

    /// <summary>Each row's own fingerprint: a lowercase hex SHA-256 over the row's values in column order (as
    /// <see cref="Fingerprint"/> hashes them), so equal rows of two data sets with the same columns hash alike.</summary>
    public IReadOnlyList<string> RowFingerprints()
    {
        var fingerprints = new string[RowCount];
        var length = new byte[sizeof(int)];
        for (var row = 0; row < RowCount; row++)
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            foreach (var column in _columns)
            {
                var bytes = Encoding.UTF8.GetBytes(column.Values[row]);
                BitConverter.TryWriteBytes(length, bytes.Length);
                hash.AppendData(length);
                hash.AppendData(bytes);
            }

            fingerprints[row] = Convert.ToHexStringLower(hash.GetHashAndReset());
        }

        return fingerprints;
    }

    /// <summary>A new data set over the same rows with another column as the label, for training several labels of the
    /// same posts (multi-task learning). The former label column, if any, becomes <see cref="ColumnRole.Ignore"/>; the
    /// new label's task and classes are resolved from its values as a load resolves them.</summary>
    /// <param name="column">The column to predict; any column of <see cref="Columns"/>, ignored ones included.</param>
    /// <param name="task">The task, or <see cref="TaskKind.Auto"/> to infer it from the values.</param>
    /// <returns>The data set; rows, order and every other column are unchanged.</returns>
    /// <exception cref="ArgumentException">No column has that name.</exception>
    /// <exception cref="PostDataException">A row has no value in the column (the message names the first lines), the
    /// column has a single class, or a regression label is not a number.</exception>
    public PostDataset WithLabel(string column, TaskKind task = TaskKind.Auto)
    {
        ArgumentNullException.ThrowIfNull(column);
        GetColumnValues(column);
        var stored = _columns.First(candidate => string.Equals(candidate.Schema.Name, column, StringComparison.Ordinal));
        var empty = Enumerable.Range(0, RowCount).Where(row => string.IsNullOrWhiteSpace(stored.Values[row])).ToList();
        if (empty.Count > 0)
        {
            throw new PostDataException(
                $"Column '{column}' of {Describe()} is empty in {empty.Count} rows (e.g. line {string.Join(", ", empty.Take(LoadDiagnostics.MaxExamples).Select(row => _lineNumbers[row]))}); " +
                "every row needs a value to use it as a label. Drop those rows first (PostDataset.Select).");
        }

        var rows = Enumerable.Range(0, RowCount).Select(row => new RawRow(_lineNumbers[row], [stored.Values[row].Trim()])).ToArray();
        var table = SourcePath is null ? RawTable.FromMemory([column], rows, Environment.CurrentDirectory) : RawTable.FromFile(SourcePath, [column], rows);
        var (resolved, classLabels) = TaskResolver.Resolve(table, 0, rows, task);
        float[]? numbers = resolved == TaskKind.Regression
            ? rows.Select(row => TaskResolver.ParseRegressionLabel(table, column, row.LineNumber, row.Cells[0])).ToArray()
            : null;
        var columns = _columns.Select(candidate =>
            ReferenceEquals(candidate, stored) ? new StoredColumn(new ColumnSchema(column, ColumnRole.Label), rows.Select(row => row.Cells[0]).ToArray(), null, numbers)
            : candidate.Schema.Role == ColumnRole.Label ? new StoredColumn(candidate.Schema with { Role = ColumnRole.Ignore }, candidate.Values, null, null)
            : candidate).ToArray();
        return new PostDataset(SourcePath, columns, resolved, classLabels, _lineNumbers, Report);
    }

    /// <summary>The 1-based line number each row came from (its position for in-memory posts), for messages.</summary>
    internal IReadOnlyList<int> LineNumbers => _lineNumbers;

    /// <summary>The options <see cref="PostDatasetLoader.Load"/> read <see cref="SourcePath"/> with, so another process that
    /// sees the same file can load the same posts again; <c>null</c> for posts made any other way (a subset, a join, rows
    /// in memory).</summary>
    internal PostLoadOptions? LoadOptions { get; private set; }

    /// <summary>Records the options this data set was loaded with; see <see cref="LoadOptions"/>.</summary>
    internal PostDataset LoadedWith(PostLoadOptions options)
    {
        LoadOptions = options;
        return this;
    }

    /// <summary>The columns as stored, ignored ones included.</summary>
    internal IReadOnlyList<StoredColumn> StoredColumns => _columns;

    private string Describe() => SourcePath is null ? "the in-memory posts" : $"'{SourcePath}'";

    private IDataView CreateDataView()
    {
        var columns = _columns
            .Where(column => column.Schema.Role != ColumnRole.Ignore)
            .Select(column => column.Numbers is not null
                ? new InMemoryColumn(column.Schema.Name, column.Numbers, null)
                : new InMemoryColumn(column.Schema.Name, null, column.TextValues))
            .ToArray();
        return new InMemoryDataView(columns, RowCount);
    }

    private string ComputeFingerprint()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var length = new byte[sizeof(int)];

        // Each string is length-prefixed so that no choice of values can make two different tables hash alike.
        void Append(string text)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            BitConverter.TryWriteBytes(length, bytes.Length);
            hash.AppendData(length);
            hash.AppendData(bytes);
        }

        foreach (var column in _columns)
        {
            Append(column.Schema.Name);
        }

        for (var row = 0; row < RowCount; row++)
        {
            foreach (var column in _columns)
            {
                Append(column.Values[row]);
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
