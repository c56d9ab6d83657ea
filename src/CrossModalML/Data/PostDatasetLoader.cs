namespace CrossModalML.Data;

/// <summary>Loads post files (TSV, CSV, JSON Lines) into a <see cref="PostDataset"/>: reads them, infers or applies
/// column roles, resolves the task, checks images and types the values.</summary>
/// <remarks>Every method is thread-safe; each call reads its file on its own. Files are UTF-8, with or without a byte
/// order mark, and are read row by row: the loads keep every row in memory, the chunked load one chunk at a time.</remarks>
public static class PostDatasetLoader
{
    /// <summary>Loads a post file for training or analysis, inferring column roles and the task.</summary>
    /// <param name="path">The file. Its extension picks the format unless <see cref="PostLoadOptions.Format"/> is set.</param>
    /// <param name="options">The label column, task, role overrides and reading options; the role-inference rules are
    /// listed on <see cref="PostLoadOptions"/>.</param>
    /// <param name="progress">Receives short progress messages, if given.</param>
    /// <returns>The data set. Rows with an empty label are skipped and counted in <see cref="PostDataset.Report"/>.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="PostDataException">The file cannot be used as it is: empty, malformed, no such label column,
    /// a single class, a non-numeric regression label, or (with <see cref="PostLoadOptions.StrictImages"/>) a bad image.</exception>
    /// <exception cref="ArgumentException">The options contradict themselves or the file, for example an override naming a
    /// column the file does not have.</exception>
    public static PostDataset Load(string path, PostLoadOptions options, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var images = options.CreateImageGate();
        progress?.Report($"Reading '{path}'.");
        var table = PostFileReader.Read(path, options.Format, options.AllowQuoting);
        progress?.Report($"Read {table.Rows.Count} rows and {table.ColumnNames.Count} columns.");
        if (options.LabelColumn is not null && table.IndexOf(options.LabelColumn) < 0)
        {
            throw new PostDataException(MissingColumnMessage(table, options.LabelColumn, "label column"));
        }

        if (options.LabelColumn is null && options.Task != TaskKind.Auto)
        {
            throw new ArgumentException($"PostLoadOptions.Task is {options.Task}, but no LabelColumn is set. Set LabelColumn to one of: {table.ListColumns()}.", nameof(options));
        }

        var diagnostics = new LoadDiagnostics();
        var decisions = ColumnRoleInference.Infer(table, options.LabelColumn, options.RoleOverrides ?? new Dictionary<string, ColumnRole>(), diagnostics);
        diagnostics.RoleDecisions.AddRange(decisions);
        var columns = decisions.Select(decision => new ColumnSchema(decision.Column, decision.Role)).ToArray();
        return PostTableBuilder.Build(table, columns, options.Task, knownClassLabels: null, options.StrictImages, images, diagnostics, progress)
            .LoadedWith(options);
    }

    /// <summary>Loads a post file to score or evaluate with a trained model whose schema is known.</summary>
    /// <param name="path">The file. Its extension picks the format unless the options set one.</param>
    /// <param name="schema">The model's columns and roles.</param>
    /// <param name="task">The model's task.</param>
    /// <param name="classLabels">The model's classes (empty for regression).</param>
    /// <param name="requireLabel">Whether the label must be present (to evaluate). When false the label column is not read.</param>
    /// <param name="options">Reading options (format, quoting, strict images); the label, task and overrides in it are not used.</param>
    /// <param name="progress">Receives short progress messages, if given.</param>
    /// <returns>The data set, with the schema's columns in schema order. Schema columns with role Ignore or Id are kept when
    /// the file has them and left out otherwise; other file columns are left out, except a column named like a post id
    /// (<c>id</c>, <c>post_id</c>, ...) when the schema has no Id column, which is kept as the Id.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="PostDataException">The file lacks a column the model needs, or the label when
    /// <paramref name="requireLabel"/> is true, or is malformed.</exception>
    public static PostDataset LoadForScoring(
        string path,
        IReadOnlyList<ColumnSchema> schema,
        TaskKind task,
        IReadOnlyList<string> classLabels,
        bool requireLabel,
        PostLoadOptions? options,
        IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(classLabels);
        ValidateSchema(schema, nameof(schema));
        if (requireLabel && task == TaskKind.Auto)
        {
            throw new ArgumentException("Evaluating needs the model's task (Binary, Multiclass or Regression), not Auto; pass the task saved with the model.", nameof(task));
        }

        options ??= new PostLoadOptions();
        var images = options.CreateImageGate();
        progress?.Report($"Reading '{path}'.");
        var table = PostFileReader.Read(path, options.Format, options.AllowQuoting);
        return BuildForScoring(table, schema, task, classLabels, requireLabel, options, images, progress);
    }

    /// <summary>Loads a post file to score in chunks, without holding the whole file in memory: each chunk is typed as
    /// <see cref="LoadForScoring"/> types a file.</summary>
    /// <param name="path">The file. Its extension picks the format unless the options set one.</param>
    /// <param name="schema">The model's columns and roles.</param>
    /// <param name="task">The model's task.</param>
    /// <param name="classLabels">The model's classes (empty for regression).</param>
    /// <param name="chunkRows">Rows per chunk, at least 1; the last chunk may be shorter.</param>
    /// <param name="options">Reading options (format, quoting, strict images).</param>
    /// <returns>The chunks in file order, read lazily as the sequence is enumerated; enumerate it once. Each chunk's
    /// <see cref="PostDataset.Report"/> describes that chunk. The label is not read. In JSON Lines, a key missing from
    /// a whole later chunk is read as missing values once an earlier chunk has had it.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist (thrown at once).</exception>
    /// <exception cref="PostDataException">While enumerating: the file lacks a column the model needs, or is malformed.</exception>
    public static IEnumerable<PostDataset> LoadForScoringInChunks(
        string path,
        IReadOnlyList<ColumnSchema> schema,
        TaskKind task,
        IReadOnlyList<string> classLabels,
        int chunkRows,
        PostLoadOptions? options)
    {
        ArgumentNullException.ThrowIfNull(classLabels);
        ValidateSchema(schema, nameof(schema));
        options ??= new PostLoadOptions();
        var images = options.CreateImageGate();
        var chunks = PostFileReader.ReadChunks(path, options.Format, options.AllowQuoting, chunkRows);
        return Build(chunks, schema, task, classLabels, options, images);

        static IEnumerable<PostDataset> Build(IEnumerable<RawTable> chunks, IReadOnlyList<ColumnSchema> schema, TaskKind task, IReadOnlyList<string> classLabels, PostLoadOptions options, ImageFileGate images)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var chunk in chunks)
            {
                seen.UnionWith(chunk.ColumnNames);
                yield return BuildForScoring(chunk.WithEmptyColumns(seen), schema, task, classLabels, requireLabel: false, options, images, progress: null);
            }
        }
    }

    private static PostDataset BuildForScoring(
        RawTable table,
        IReadOnlyList<ColumnSchema> schema,
        TaskKind task,
        IReadOnlyList<string> classLabels,
        bool requireLabel,
        PostLoadOptions options,
        ImageFileGate images,
        IProgress<string>? progress)
    {
        var columns = new List<ColumnSchema>();
        foreach (var column in schema)
        {
            var present = table.IndexOf(column.Name) >= 0;
            switch (column.Role)
            {
                case ColumnRole.Label when requireLabel && !present:
                    throw new PostDataException(MissingColumnMessage(table, column.Name, "label column, which evaluation needs,"));
                case ColumnRole.Label when !requireLabel:
                    break;
                case ColumnRole.Ignore or ColumnRole.Id:
                    if (present)
                    {
                        columns.Add(column);
                    }

                    break;
                default:
                    if (!present)
                    {
                        throw new PostDataException(MissingColumnMessage(table, column.Name, $"{column.Role} column the model was trained with"));
                    }

                    columns.Add(column);
                    break;
            }
        }

        if (!schema.Any(column => column.Role == ColumnRole.Id))
        {
            var idColumn = table.ColumnNames.FirstOrDefault(name => ColumnRoleInference.IsIdName(name) && !schema.Any(column => column.Name == name));
            if (idColumn is not null)
            {
                columns.Add(new ColumnSchema(idColumn, ColumnRole.Id));
            }
        }

        var diagnostics = new LoadDiagnostics();
        diagnostics.RoleDecisions.AddRange(columns.Select(column => schema.Contains(column)
            ? new RoleDecision(column.Name, column.Role, RoleSource.Schema, "given by the model's schema")
            : new RoleDecision(column.Name, column.Role, RoleSource.Name, "not in the model's schema, kept to identify the posts")));
        return PostTableBuilder.Build(table, columns, task, classLabels, options.StrictImages, images, diagnostics, progress);
    }

    /// <summary>Checks a schema given by a caller: no nulls, unique names, at most one label and one id.</summary>
    internal static IReadOnlyList<ColumnSchema> ValidateSchema(IReadOnlyList<ColumnSchema> schema, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(schema, parameterName);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var column in schema)
        {
            if (column is null || string.IsNullOrWhiteSpace(column.Name))
            {
                throw new ArgumentException("The schema has a null column or a column without a name; every column needs a name and a role.", parameterName);
            }

            if (!names.Add(column.Name))
            {
                throw new ArgumentException($"The schema lists the column '{column.Name}' twice; column names must be unique.", parameterName);
            }
        }

        foreach (var role in new[] { ColumnRole.Label, ColumnRole.Id })
        {
            var count = schema.Count(column => column.Role == role);
            if (count > 1)
            {
                throw new ArgumentException($"The schema has {count} columns with the role {role}; at most one is allowed.", parameterName);
            }
        }

        return schema;
    }

    private static string MissingColumnMessage(RawTable table, string column, string what)
    {
        var nearMatch = table.ColumnNames.FirstOrDefault(name => string.Equals(name, column, StringComparison.OrdinalIgnoreCase));
        var hint = nearMatch is null ? string.Empty : $" Did you mean '{nearMatch}'? Names are case-sensitive.";
        return $"{table.Describe()} has no {what} '{column}'. Its columns are: {table.ListColumns()}.{hint}";
    }
}
