using System.Text.Json;
using CrossModalML.Data;
using CrossModalML.Packaging;
using CrossModalML.Training;
using CrossModalML.Training.Fusion;
using CrossModalML.Evaluation;

namespace CrossModalML.Prediction;

/// <summary>Scores posts with a CrossModalML model zip.</summary>
/// <remarks>
/// <para>Thread-safety: every member may be called from many threads at once. A single post is scored by a pooled
/// engine (a reusable input row wired through the model's row-to-row mapper), so concurrent callers never share an
/// engine and no engine is built per call once the pool is warm. Batches go through the model's
/// <see cref="Microsoft.ML.ITransformer.Transform"/>, which is faster per post for many posts.</para>
/// <para>Ownership: the predictor owns the loaded model, its engines and its native resources (an ONNX session,
/// created once at load when the model uses a pretrained image encoder); dispose it when done. Calls after
/// <see cref="Dispose"/> throw <see cref="ObjectDisposedException"/>.</para>
/// <para>Hot reload (<see cref="PredictorOptions.ReloadOnChange"/>, or <see cref="Reload"/>): the new model is loaded
/// beside the old one and swapped in atomically; calls already running finish on the old model, which is disposed
/// when the last of them returns.</para>
/// <para>A post that lacks a modality (an empty text, a missing or unreadable image, a missing number) is still
/// scored: that modality's features are zeros plus a "missing" indicator, as in training. Each image is read by the
/// model once per post.</para>
/// <para>Security: loading a model zip makes ML.NET instantiate the transforms it names, so load only models you
/// trust, from paths only trusted users can write (this includes the watched file of a hot-reloading predictor). Image
/// paths in posts are files the server will open: set <see cref="PredictorOptions.AllowedImageRoot"/> when posts come
/// from untrusted callers.</para>
/// </remarks>
public sealed class CrossModalPredictor : IDisposable
{
    private readonly string _modelPath;
    private readonly PredictorOptions _options;
    private readonly ImagePathPolicy _images;
    private readonly object _reloadLock = new();
    private readonly ModelFileWatcher? _watcher;
    private ModelGeneration _current;
    private long _modelVersion = 1;
    private volatile bool _disposed;
    private volatile Exception? _lastReloadError;

    private CrossModalPredictor(string modelPath, PredictorOptions options, ModelGeneration generation)
    {
        _modelPath = modelPath;
        _options = options;
        _current = generation;
        var baseDirectory = options.ImageBaseDirectory ?? options.AllowedImageRoot ?? Directory.GetCurrentDirectory();
        _images = new ImagePathPolicy(Path.GetFullPath(baseDirectory), new ImageFileGate(options.AllowedImageRoot, options.MaxImagePixels));
        if (options.ReloadOnChange)
        {
            _watcher = new ModelFileWatcher(modelPath, options.ReloadDelay, ReloadAfterChange);
        }
    }

    /// <summary>The current model's manifest: task, classes, columns, metrics. Changes after a reload.</summary>
    public ModelManifest Manifest => Volatile.Read(ref _current).Manifest;

    /// <summary>1 for the model loaded first, incremented by each successful reload.</summary>
    public long ModelVersion => Interlocked.Read(ref _modelVersion);

    /// <summary>Why the last automatic reload failed (the old model stays in service), or <see langword="null"/> when
    /// it succeeded or none has run.</summary>
    public Exception? LastReloadError => _lastReloadError;

    /// <summary>Loads a model zip written by CrossModalML.</summary>
    /// <param name="path">The model zip. Load only models you trust (see <see cref="ModelPackage"/>).</param>
    /// <param name="options">Optional settings; the predictor keeps its own reading of them at load time.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ModelPackageException">The file is not a CrossModalML model, or is from an incompatible version.</exception>
    /// <exception cref="DirectoryNotFoundException"><see cref="PredictorOptions.AllowedImageRoot"/> does not exist.</exception>
    public static CrossModalPredictor Load(string path, PredictorOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options ??= new PredictorOptions();
        options.Validate();
        var fullPath = Path.GetFullPath(path);
        var generation = ModelGeneration.Load(fullPath, options.Seed, options.MaximumPooledEngines, version: 1);
        return new CrossModalPredictor(fullPath, options, generation);
    }

    /// <summary>Scores one post.</summary>
    /// <param name="post">Column name → value as text (numbers in invariant culture, image as a path). Missing keys are
    /// missing values; keys that are not model columns are ignored.</param>
    /// <exception cref="ArgumentException">An image path is outside <see cref="PredictorOptions.AllowedImageRoot"/>.</exception>
    public PostPrediction Predict(IReadOnlyDictionary<string, string?> post)
    {
        ArgumentNullException.ThrowIfNull(post);
        return Score((generation, row) =>
        {
            foreach (var column in generation.Columns)
            {
                PostCellWriter.Write(row, column, post.TryGetValue(column.Name, out var value) ? value : null, _images);
            }
        });
    }

    /// <summary>Scores one post given as an object of your own type.</summary>
    /// <typeparam name="TPost">A class or struct with a public property (or field) per model input column, matched by
    /// <see cref="Microsoft.ML.Data.ColumnNameAttribute"/> or by name ignoring case. Numeric columns take any number
    /// type, text and image columns take strings, timestamps also take <see cref="DateTime"/> and
    /// <see cref="DateTimeOffset"/>; <see langword="null"/> is a missing value. User and id columns may be left out.
    /// A dictionary or a <see cref="JsonElement"/> is scored as by the matching overload.</typeparam>
    /// <param name="post">The post.</param>
    /// <exception cref="ArgumentException">The type lacks a property for a column the model needs, a property has a
    /// type its column cannot take (the message names both), or an image path is outside the allowed root.</exception>
    public PostPrediction Predict<TPost>(TPost post)
        where TPost : notnull
    {
        ArgumentNullException.ThrowIfNull(post);
        switch (post)
        {
            case IReadOnlyDictionary<string, string?> dictionary:
                return Predict(dictionary);
            case JsonElement json:
                return Predict(json);
        }

        return Score((generation, row) => generation.TypedMap(post.GetType()).Write(post, row, _images));
    }

    /// <summary>Scores one post given as a JSON object, e.g. <c>{"text": "...", "image": "a.png", "likes": 3}</c>.</summary>
    /// <param name="post">An object whose keys are model input columns (exact name, or ignoring case); values are
    /// strings, numbers, booleans or null (missing). Absent columns are missing values.</param>
    /// <exception cref="ArgumentException">Not an object, an unknown key (the message lists the columns), a nested
    /// value, or an image path outside the allowed root.</exception>
    public PostPrediction Predict(JsonElement post) => Score((generation, row) =>
    {
        var cells = JsonPostReader.Read(post, generation.Columns, generation.FindColumn);
        foreach (var column in generation.Columns)
        {
            PostCellWriter.Write(row, column, cells[column.Index], _images);
        }
    });

    /// <summary>Scores one post given as JSON text; see <see cref="Predict(JsonElement)"/>.</summary>
    /// <param name="json">One JSON object.</param>
    /// <exception cref="ArgumentException">The text is not valid JSON, or as for <see cref="Predict(JsonElement)"/>.</exception>
    public PostPrediction PredictJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"The post is not valid JSON: {ex.Message}", nameof(json), ex);
        }

        using (document)
        {
            return Predict(document.RootElement);
        }
    }

    /// <summary>Scores many posts in one pass, which is much faster than one call per post.</summary>
    /// <param name="posts">Posts as in <see cref="Predict(IReadOnlyDictionary{string, string})"/>.</param>
    /// <returns>One prediction per post, in order.</returns>
    /// <exception cref="ArgumentException">A post is null, or an image path is outside the allowed root.</exception>
    public IReadOnlyList<PostPrediction> PredictBatch(IEnumerable<IReadOnlyDictionary<string, string?>> posts)
    {
        ArgumentNullException.ThrowIfNull(posts);
        var rows = posts.ToList();
        if (rows.Count == 0)
        {
            return [];
        }

        var generation = Acquire();
        try
        {
            var imageColumns = generation.Columns.Where(c => c.Role == ColumnRole.Image).ToList();
            foreach (var row in rows)
            {
                foreach (var column in imageColumns)
                {
                    if (row is not null && row.TryGetValue(column.Name, out var cell))
                    {
                        // Only the root check matters here; the data set below resolves the paths itself.
                        _images.Resolve(column.Name, cell);
                    }
                }
            }

            var schema = generation.Manifest.Columns.Where(c => c.Role != ColumnRole.Label).ToList();
            var data = PostDataset.FromRowsWithImageGate(schema, generation.Manifest.Task, generation.Manifest.ClassLabels, rows, _images.BaseDirectory, _images.Gate);
            return Predict(generation, data);
        }
        finally
        {
            generation.Release();
        }
    }

    /// <summary>Scores every post of a data set, e.g. one from <see cref="LoadInput"/>.</summary>
    /// <param name="posts">Posts with the model's input columns.</param>
    /// <returns>One prediction per row, in order.</returns>
    /// <exception cref="ArgumentException">An image path is outside the allowed root.</exception>
    public IReadOnlyList<PostPrediction> Predict(PostDataset posts)
    {
        ArgumentNullException.ThrowIfNull(posts);
        var generation = Acquire();
        try
        {
            return Predict(generation, posts);
        }
        finally
        {
            generation.Release();
        }
    }

    /// <summary>Late-fusion models: how much each modality pushed each post toward its class (binary: the positive class).</summary>
    /// <param name="posts">Posts to score, e.g. from <see cref="LoadInput"/>.</param>
    /// <returns>One entry per post, in input order; see <see cref="ModalityContributions"/>.</returns>
    /// <exception cref="InvalidOperationException">The model is not a late-fusion model.</exception>
    public IReadOnlyList<PostContributions> ExplainModalities(PostDataset posts)
    {
        ArgumentNullException.ThrowIfNull(posts);
        var generation = Acquire();
        try
        {
            var manifest = generation.Manifest;
            if (manifest.Fusion is not { Kind: FusionKind.Late } fusion)
            {
                throw new InvalidOperationException(
                    $"The model is an {manifest.FittedFusion()}-fusion model; per-modality stacker contributions need late fusion (train with TrainingOptions.Fusion = FusionKind.Late or Auto).");
            }

            EnsureImagesAllowed(posts);
            return ModalityContributions.Compute(generation.Package.Model, fusion, manifest.ClassLabels, posts.DataView);
        }
        finally
        {
            generation.Release();
        }
    }

    /// <summary>Reads a file of posts to score (TSV, CSV or JSON Lines) against this model's columns.</summary>
    /// <param name="path">The file. It must have every input column of the model; the label is needed only when <paramref name="requireLabel"/>.</param>
    /// <param name="requireLabel">Whether the label column must be present (for evaluation).</param>
    /// <param name="options">Optional format settings. Its <see cref="PostLoadOptions.AllowedImageRoot"/> and
    /// <see cref="PostLoadOptions.MaxImagePixels"/> are replaced by this predictor's, so every image is judged before it
    /// is opened: a path outside the root throws a <see cref="PostDataException"/> naming the row and column.</param>
    public PostDataset LoadInput(string path, bool requireLabel = false, PostLoadOptions? options = null)
    {
        var manifest = Manifest;
        ObjectDisposedException.ThrowIf(_disposed, this);
        return PostDatasetLoader.LoadForScoring(path, manifest.Columns, manifest.Task, manifest.ClassLabels, requireLabel, WithImageLimits(options));
    }

    /// <summary>Reads a file of posts to score in chunks of at most <paramref name="chunkRows"/> rows, so files larger
    /// than memory can be scored; see <see cref="PostDatasetLoader.LoadForScoringInChunks"/>.</summary>
    /// <param name="path">The file, with every input column of the model.</param>
    /// <param name="chunkRows">Rows per chunk, at least 1.</param>
    /// <param name="options">Optional format settings; the image root and pixel limit are this predictor's, as for <see cref="LoadInput"/>.</param>
    /// <returns>The chunks, in file order, read lazily as the sequence is enumerated.</returns>
    public IEnumerable<PostDataset> LoadInputInChunks(string path, int chunkRows, PostLoadOptions? options = null)
    {
        var manifest = Manifest;
        ObjectDisposedException.ThrowIf(_disposed, this);
        return PostDatasetLoader.LoadForScoringInChunks(path, manifest.Columns, manifest.Task, manifest.ClassLabels, chunkRows, WithImageLimits(options));
    }

    /// <summary>Scores labelled posts and computes the model's metrics on them.</summary>
    /// <param name="posts">Posts with the label column, e.g. from <see cref="LoadInput"/> with <c>requireLabel: true</c>.</param>
    /// <exception cref="ArgumentException">The posts have no label, or a label the model does not know.</exception>
    public EvaluationMetrics Evaluate(PostDataset posts)
    {
        ArgumentNullException.ThrowIfNull(posts);
        var generation = Acquire();
        try
        {
            var metrics = ModelEvaluator.Evaluate(generation.Context, generation.Package.Model, posts, generation.Manifest.DecisionThreshold?.Threshold);
            return WithSeenDataWarnings(metrics, generation.Manifest, posts);
        }
        finally
        {
            generation.Release();
        }
    }

    /// <summary>The metrics with a warning attached when the posts are the model's own training rows.</summary>
    private static EvaluationMetrics WithSeenDataWarnings(EvaluationMetrics metrics, ModelManifest manifest, PostDataset posts)
    {
        var warnings = SeenDataCheck.Warnings(manifest, posts, "this evaluation");
        return warnings.Count == 0 ? metrics : metrics with { Warnings = warnings };
    }

    /// <summary>The pseudonym this model gives a user id: salted with the model's own salt (see
    /// <see cref="Privacy.UserIdHasher"/>), so the same user gets the same pseudonym from this model and an unrelated one
    /// from another. Use it wherever a user id would otherwise be written out (reports, logs, explanations).</summary>
    /// <param name="userId">The user id; empty or <c>null</c> gives empty.</param>
    /// <exception cref="InvalidOperationException">The zip was saved before models carried a salt; save it again with this version.</exception>
    public string PseudonymizeUser(string? userId)
    {
        var generation = Acquire();
        try
        {
            var hasher = generation.UserIds ?? throw new InvalidOperationException(
                "This model zip carries no user-id salt (it was saved by an older CrossModalML); retrain or save it again to pseudonymise user ids with it.");
            return hasher.Hash(userId);
        }
        finally
        {
            generation.Release();
        }
    }

    /// <summary>Scores labelled posts once and computes every task's metrics (multi-task models).</summary>
    /// <param name="posts">Posts with the model's input columns and every task's label, e.g. from <see cref="LoadInput"/>
    /// with <c>requireLabel: true</c> on a file that has all the label columns.</param>
    /// <returns>Metrics by task name; a single-task model gives one entry, its label column, with <see cref="Evaluate"/>'s metrics.</returns>
    /// <exception cref="ArgumentException">The posts lack a task's label, or have a label the model does not know.</exception>
    public IReadOnlyDictionary<string, EvaluationMetrics> EvaluateTasks(PostDataset posts)
    {
        ArgumentNullException.ThrowIfNull(posts);
        var generation = Acquire();
        try
        {
            var manifest = generation.Manifest;
            var byTask = manifest.Tasks is { Count: > 0 } tasks
                ? MultiTaskEvaluator.Evaluate(generation.Package.Model, tasks, posts)
                : new Dictionary<string, EvaluationMetrics> { [manifest.LabelColumn] = ModelEvaluator.Evaluate(generation.Context, generation.Package.Model, posts) };
            return byTask.ToDictionary(pair => pair.Key, pair => WithSeenDataWarnings(pair.Value, manifest, posts), StringComparer.Ordinal);
        }
        finally
        {
            generation.Release();
        }
    }

    /// <summary>Loads the model file again and swaps it in; calls already running finish on the old model.</summary>
    /// <exception cref="FileNotFoundException">The file no longer exists; the old model stays in service.</exception>
    /// <exception cref="ModelPackageException">The file is not a loadable model; the old model stays in service.</exception>
    public void Reload()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        lock (_reloadLock)
        {
            var fresh = ModelGeneration.Load(_modelPath, _options.Seed, _options.MaximumPooledEngines, Interlocked.Read(ref _modelVersion) + 1);
            if (_disposed)
            {
                fresh.Release();
                throw new ObjectDisposedException(nameof(CrossModalPredictor));
            }

            var old = Interlocked.Exchange(ref _current, fresh);
            Interlocked.Exchange(ref _modelVersion, fresh.Version);
            old.Release();
        }
    }

    /// <summary>Stops watching the file and releases the model once no call is using it.</summary>
    public void Dispose()
    {
        lock (_reloadLock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _watcher?.Dispose();
        _current.Release();
    }

    private void ReloadAfterChange()
    {
        if (_disposed)
        {
            return;
        }

        try
        {
            Reload();
            _lastReloadError = null;
        }
        catch (Exception ex) when (ex is IOException or ModelPackageException or InvalidOperationException or UnauthorizedAccessException or ObjectDisposedException)
        {
            // A half-copied or broken file must not take the service down; the next change event retries.
            _lastReloadError = ex;
            _options.ReloadFailed?.Invoke(ex);
        }
    }

    private ModelGeneration Acquire()
    {
        while (true)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var generation = Volatile.Read(ref _current);
            if (generation.TryAcquire())
            {
                return generation;
            }

            // The generation was retired between the read and the acquire: a reload has already published its successor.
        }
    }

    private PostPrediction Score(Action<ModelGeneration, ScoringInputRow> fill)
    {
        var generation = Acquire();
        try
        {
            var engine = generation.RentEngine();
            try
            {
                engine.Input.ImageWarnings.Clear();
                fill(generation, engine.Input);
                var warnings = engine.Input.ImageWarnings.ToList();
                var manifest = generation.Manifest;
                PostPrediction main;
                switch (manifest.Task)
                {
                    case TaskKind.Regression:
                        main = PredictionBuilder.Regression(engine.ScoreScalar());
                        break;
                    case TaskKind.Binary:
                        main = PredictionBuilder.Classification(
                            manifest.ClassLabels, PredictionBuilder.BinaryProbabilities(engine.ScoreScalar(), engine.BinaryIsCalibrated), manifest.DecisionThreshold?.Threshold);
                        break;
                    default:
                        var scores = new float[manifest.ClassLabels.Count];
                        engine.ScoreVector(scores);
                        PredictionBuilder.Normalize(scores);
                        main = PredictionBuilder.Classification(manifest.ClassLabels, scores);
                        break;
                }

                main = main with { ModelVersion = generation.Version };
                if (warnings.Count > 0)
                {
                    main = main with { Warnings = warnings };
                }

                if (engine.Tasks.Count == 0)
                {
                    return main;
                }

                var tasks = new Dictionary<string, PostPrediction>(engine.Tasks.Count, StringComparer.Ordinal);
                for (int i = 0; i < engine.Tasks.Count; i++)
                {
                    var output = engine.Tasks[i];
                    var buffer = new float[output.Task.ClassLabels.Count];
                    float value = engine.ReadTask(i, buffer);
                    var prediction = output.Task.Task switch
                    {
                        TaskKind.Regression => PredictionBuilder.Regression(value),
                        TaskKind.Binary => PredictionBuilder.Classification(output.Task.ClassLabels, PredictionBuilder.BinaryProbabilities(value, output.BinaryIsCalibrated)),
                        _ => PredictionBuilder.Classification(output.Task.ClassLabels, PredictionBuilder.NormalizedCopy(buffer)),
                    };
                    tasks[output.Task.Name] = prediction with { Warnings = main.Warnings };
                }

                return main with { Tasks = tasks };
            }
            finally
            {
                generation.ReturnEngine(engine);
            }
        }
        finally
        {
            generation.Release();
        }
    }

    /// <summary>The caller's load options with this predictor's image root and pixel limit, so that a file's images are
    /// judged before anything opens them.</summary>
    private PostLoadOptions WithImageLimits(PostLoadOptions? options) =>
        (options ?? new PostLoadOptions()).WithImageLimits(_options.AllowedImageRoot, _options.MaxImagePixels);

    private void EnsureImagesAllowed(PostDataset posts)
    {
        if (_images.Gate.Root is null || posts.ImagesCheckedAgainstRoot == _images.Gate.Root)
        {
            return;
        }

        foreach (var column in posts.Columns.Where(c => c.Role == ColumnRole.Image))
        {
            foreach (var path in posts.GetColumnValues(column.Name))
            {
                _images.EnsureAllowed(column.Name, path);
            }
        }
    }

    private IReadOnlyList<PostPrediction> Predict(ModelGeneration generation, PostDataset posts)
    {
        EnsureImagesAllowed(posts);

        var manifest = generation.Manifest;
        var scored = generation.Package.Model.Transform(posts.DataView);
        var warnings = posts.ImageWarnings();
        var main = Read(scored, manifest.Task, manifest.ClassLabels, string.Empty, manifest.DecisionThreshold?.Threshold)
            .Select((prediction, row) => (warnings[row].Count == 0 ? prediction : prediction with { Warnings = warnings[row] }) with { ModelVersion = generation.Version })
            .ToList();
        if (manifest.Tasks is not { Count: > 0 } taskList)
        {
            return main;
        }

        var byTask = taskList.Select(t => (t.Name, Predictions: Read(scored, t.Task, t.ClassLabels, TaskColumns.Prefix(t.Name)))).ToList();
        return main.Select((prediction, row) => prediction with
        {
            Tasks = byTask.ToDictionary(t => t.Name, t => warnings[row].Count == 0 ? t.Predictions[row] : t.Predictions[row] with { Warnings = warnings[row] }, StringComparer.Ordinal),
        }).ToList();
    }

    private static List<PostPrediction> Read(Microsoft.ML.IDataView scored, TaskKind task, IReadOnlyList<string> classLabels, string prefix, double? decisionThreshold = null) =>
        task == TaskKind.Regression
            ? ScoredOutput.ReadValues(scored, prefix).Select(PredictionBuilder.Regression).ToList()
            : ScoredOutput.ReadProbabilities(scored, task, classLabels.Count, prefix).Select(p => PredictionBuilder.Classification(classLabels, p, decisionThreshold)).ToList();
}
