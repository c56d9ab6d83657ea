using System.Text.Json;
using CrossModalML.Data;
using CrossModalML.Packaging;
using CrossModalML.Evaluation;
using CrossModalML.Execution;

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
    private readonly ModelHost _host;
    private readonly PredictorInput _input;
    private readonly ModelFileWatcher? _watcher;
    private volatile Exception? _lastReloadError;

    private CrossModalPredictor(string modelPath, PredictorOptions options, ModelHost host)
    {
        _modelPath = modelPath;
        _options = options;
        _host = host;
        _input = new PredictorInput(options);
        if (options.ReloadOnChange)
        {
            _watcher = new ModelFileWatcher(modelPath, options.ReloadDelay, ReloadAfterChange);
        }
    }

    /// <summary>The current model's manifest: task, classes, columns, metrics. Changes after a reload.</summary>
    public ModelManifest Manifest => _host.Manifest;

    /// <summary>1 for the model loaded first, incremented by each successful reload.</summary>
    public long ModelVersion => _host.Version;

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
        return new CrossModalPredictor(fullPath, options, ModelHost.Load(fullPath, options.Seed, options.MaximumPooledEngines));
    }

    /// <summary>Scores one post.</summary>
    /// <param name="post">Column name → value as text (numbers in invariant culture, image as a path). Missing keys are
    /// missing values; keys that are not model columns are ignored.</param>
    /// <exception cref="ArgumentException">An image path is outside <see cref="PredictorOptions.AllowedImageRoot"/>.</exception>
    public PostPrediction Predict(IReadOnlyDictionary<string, string?> post)
    {
        ArgumentNullException.ThrowIfNull(post);
        using var lease = _host.Acquire();
        return PostScorer.ScoreOne(lease, row =>
        {
            foreach (var column in lease.Generation.Columns)
            {
                PostCellWriter.Write(row, column, post.TryGetValue(column.Name, out var value) ? value : null, _input.Images);
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

        using var lease = _host.Acquire();
        return PostScorer.ScoreOne(lease, row => lease.Generation.TypedMap(post.GetType()).Write(post, row, _input.Images));
    }

    /// <summary>Scores one post given as a JSON object, e.g. <c>{"text": "...", "image": "a.png", "likes": 3}</c>.</summary>
    /// <param name="post">An object whose keys are model input columns (exact name, or ignoring case); values are
    /// strings, numbers, booleans or null (missing). Absent columns are missing values.</param>
    /// <exception cref="ArgumentException">Not an object, an unknown key (the message lists the columns), a nested
    /// value, or an image path outside the allowed root.</exception>
    public PostPrediction Predict(JsonElement post)
    {
        using var lease = _host.Acquire();
        return PostScorer.ScoreOne(lease, row =>
        {
            var generation = lease.Generation;
            var cells = JsonPostReader.Read(post, generation.Columns, generation.FindColumn);
            foreach (var column in generation.Columns)
            {
                PostCellWriter.Write(row, column, cells[column.Index], _input.Images);
            }
        });
    }

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

        using var lease = _host.Acquire();
        var data = _input.FromRows(lease.Generation, rows);
        _input.EnsureImagesAllowed(data);
        return PostScorer.ScoreMany(lease.Generation, data);
    }

    /// <summary>Scores every post of a data set, e.g. one from <see cref="LoadInput"/>.</summary>
    /// <param name="posts">Posts with the model's input columns.</param>
    /// <returns>One prediction per row, in order.</returns>
    /// <exception cref="ArgumentException">An image path is outside the allowed root.</exception>
    public IReadOnlyList<PostPrediction> Predict(PostDataset posts)
    {
        ArgumentNullException.ThrowIfNull(posts);
        using var lease = _host.Acquire();
        _input.EnsureImagesAllowed(posts);
        return PostScorer.ScoreMany(lease.Generation, posts);
    }

    /// <summary>Scores chunks of posts (e.g. from <see cref="LoadInputInChunks"/>) on an executor: locally with this
    /// predictor, or on a cluster's workers, which load this model from its path (so every worker must see the model and
    /// the image paths at the same paths, or under the executor's <see cref="IWorkExecutor.DataRoot"/>, which the workers
    /// mount where they like). The predictions are the same either way.</summary>
    /// <param name="chunks">The chunks, each with the model's input columns.</param>
    /// <param name="executor">Where the chunks are scored, e.g. <see cref="LocalWorkExecutor"/>.</param>
    /// <param name="cancellationToken">Stops chunks not yet scored.</param>
    /// <returns>Each chunk's predictions, one per row, in the order of <paramref name="chunks"/>.</returns>
    /// <exception cref="ArgumentException">An image path is outside the allowed root.</exception>
    public async Task<IReadOnlyList<IReadOnlyList<PostPrediction>>> PredictChunksAsync(
        IReadOnlyList<PostDataset> chunks, IWorkExecutor executor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        ArgumentNullException.ThrowIfNull(executor);
        _host.ThrowIfDisposed();
        var items = chunks.Select(chunk => new ScoringChunk(
            _modelPath, _options.AllowedImageRoot, _options.ImageBaseDirectory, _options.MaxImagePixels, _options.Seed, PortablePosts.From(chunk)).ForWorker(executor.DataRoot)).ToList();
        var scored = await executor.RunAsync(new ScoringChunkJob(_ => this), items, cancellationToken).ConfigureAwait(false);
        return [.. scored];
    }

    /// <summary>Late-fusion models: how much each modality pushed each post toward its class (binary: the positive class).</summary>
    /// <param name="posts">Posts to score, e.g. from <see cref="LoadInput"/>.</param>
    /// <returns>One entry per post, in input order; see <see cref="ModalityContributions"/>.</returns>
    /// <exception cref="InvalidOperationException">The model is not a late-fusion model.</exception>
    public IReadOnlyList<PostContributions> ExplainModalities(PostDataset posts)
    {
        ArgumentNullException.ThrowIfNull(posts);
        using var lease = _host.Acquire();
        return PredictorExplanation.ExplainModalities(lease.Generation, posts, _input);
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
        _host.ThrowIfDisposed();
        return _input.LoadFile(manifest, path, requireLabel, options);
    }

    /// <summary>Reads a file of posts to score in chunks of at most <paramref name="chunkRows"/> rows, so files larger
    /// than memory can be scored; see <see cref="PostDatasetLoader.LoadForScoringInChunks"/>.</summary>
    /// <param name="path">The file, with every input column of the model.</param>
    /// <param name="chunkRows">Rows per chunk, at least 1.</param>
    /// <param name="options">Optional format settings; the image root and pixel limit are this predictor's, as for <see cref="LoadInput"/>.</param>
    /// <param name="keepLabel">Keep the model's label column when the file has it, to compare predictions with it: it is
    /// read as an <see cref="ColumnRole.Ignore"/> column (values as written, none checked, no row skipped; read them with
    /// <see cref="PostDataset.GetColumnValues"/>). A file without it reads as without this flag.</param>
    /// <returns>The chunks, in file order, read lazily as the sequence is enumerated.</returns>
    public IEnumerable<PostDataset> LoadInputInChunks(string path, int chunkRows, PostLoadOptions? options = null, bool keepLabel = false)
    {
        var manifest = Manifest;
        _host.ThrowIfDisposed();
        return _input.LoadFileInChunks(manifest, path, chunkRows, options, keepLabel);
    }

    /// <summary>Scores labelled posts and computes the model's metrics on them.</summary>
    /// <param name="posts">Posts with the label column, e.g. from <see cref="LoadInput"/> with <c>requireLabel: true</c>.</param>
    /// <exception cref="ArgumentException">The posts have no label, or a label the model does not know.</exception>
    public EvaluationMetrics Evaluate(PostDataset posts)
    {
        ArgumentNullException.ThrowIfNull(posts);
        using var lease = _host.Acquire();
        return PredictorEvaluation.Evaluate(lease.Generation, posts);
    }

    /// <summary>The pseudonym this model gives a user id: salted with the model's own salt (see
    /// <see cref="Privacy.UserIdHasher"/>), so the same user gets the same pseudonym from this model and an unrelated one
    /// from another. Use it wherever a user id would otherwise be written out (reports, logs, explanations).</summary>
    /// <param name="userId">The user id; empty or <c>null</c> gives empty.</param>
    /// <exception cref="InvalidOperationException">The zip was saved before models carried a salt; save it again with this version.</exception>
    public string PseudonymizeUser(string? userId)
    {
        using var lease = _host.Acquire();
        var hasher = lease.Generation.UserIds ?? throw new InvalidOperationException(
            "This model zip carries no user-id salt (it was saved by an older CrossModalML); retrain or save it again to pseudonymise user ids with it.");
        return hasher.Hash(userId);
    }

    /// <summary>Scores labelled posts once and computes every task's metrics (multi-task models).</summary>
    /// <param name="posts">Posts with the model's input columns and every task's label, e.g. from <see cref="LoadInput"/>
    /// with <c>requireLabel: true</c> on a file that has all the label columns.</param>
    /// <returns>Metrics by task name; a single-task model gives one entry, its label column, with <see cref="Evaluate"/>'s metrics.</returns>
    /// <exception cref="ArgumentException">The posts lack a task's label, or have a label the model does not know.</exception>
    public IReadOnlyDictionary<string, EvaluationMetrics> EvaluateTasks(PostDataset posts)
    {
        ArgumentNullException.ThrowIfNull(posts);
        using var lease = _host.Acquire();
        return PredictorEvaluation.EvaluateTasks(lease.Generation, posts);
    }

    /// <summary>Loads the model file again and swaps it in; calls already running finish on the old model.</summary>
    /// <exception cref="FileNotFoundException">The file no longer exists; the old model stays in service.</exception>
    /// <exception cref="ModelPackageException">The file is not a loadable model; the old model stays in service.</exception>
    public void Reload() => _host.Reload();

    /// <summary>Stops watching the file and releases the model once no call is using it.</summary>
    public void Dispose()
    {
        _host.Dispose();
        _watcher?.Dispose();
    }

    private void ReloadAfterChange()
    {
        if (_host.IsDisposed)
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
}
