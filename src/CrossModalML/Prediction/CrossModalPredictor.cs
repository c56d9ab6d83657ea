using CrossModalML.Data;
using CrossModalML.Packaging;
using CrossModalML.Training;
using Microsoft.ML;

namespace CrossModalML.Prediction;

/// <summary>Scores posts with a CrossModalML model zip.</summary>
/// <remarks>
/// <para>Thread-safety: every method may be called from several threads at once. Scoring goes through the model's
/// <see cref="ITransformer.Transform"/>, which ML.NET documents as safe for concurrent use; no
/// <c>PredictionEngine</c> is shared.</para>
/// <para>Ownership: the predictor owns the loaded model and its native resources (an ONNX session when the model uses
/// a pretrained image encoder); dispose it when done. Calls after <see cref="Dispose"/> throw
/// <see cref="ObjectDisposedException"/>.</para>
/// <para>A post that lacks a modality (an empty text, a missing or unreadable image, a missing number) is still
/// scored: that modality's features are zeros plus a "missing" indicator, as in training.</para>
/// </remarks>
public sealed class CrossModalPredictor : IDisposable
{
    private readonly MLContext _mlContext;
    private readonly ModelPackage _package;
    private readonly string _imageBaseDirectory;
    private bool _disposed;

    private CrossModalPredictor(MLContext mlContext, ModelPackage package, string imageBaseDirectory)
    {
        _mlContext = mlContext;
        _package = package;
        _imageBaseDirectory = imageBaseDirectory;
    }

    /// <summary>The model's manifest: task, classes, columns, metrics.</summary>
    public ModelManifest Manifest => _package.Manifest;

    /// <summary>Loads a model zip written by CrossModalML.</summary>
    /// <param name="path">The model zip. Load only models you trust (see <see cref="ModelPackage"/>).</param>
    /// <param name="options">Optional settings.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ModelPackageException">The file is not a CrossModalML model, or is from an incompatible version.</exception>
    public static CrossModalPredictor Load(string path, PredictorOptions? options = null)
    {
        options ??= new PredictorOptions();
        var mlContext = new MLContext(options.Seed);
        var package = ModelPackage.Load(mlContext, path);
        return new CrossModalPredictor(mlContext, package, Path.GetFullPath(options.ImageBaseDirectory ?? Directory.GetCurrentDirectory()));
    }

    /// <summary>Scores one post.</summary>
    /// <param name="post">Column name → value as text (numbers in invariant culture, image as a path). Missing keys are missing values.</param>
    public PostPrediction Predict(IReadOnlyDictionary<string, string?> post)
    {
        ArgumentNullException.ThrowIfNull(post);
        return PredictBatch([post])[0];
    }

    /// <summary>Scores many posts in one pass, which is much faster than one call per post.</summary>
    /// <param name="posts">Posts as in <see cref="Predict(IReadOnlyDictionary{string, string})"/>.</param>
    /// <returns>One prediction per post, in order.</returns>
    public IReadOnlyList<PostPrediction> PredictBatch(IEnumerable<IReadOnlyDictionary<string, string?>> posts)
    {
        ArgumentNullException.ThrowIfNull(posts);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var rows = posts.ToList();
        if (rows.Count == 0)
        {
            return [];
        }

        var data = PostDataset.FromRows(ScoringSchema(), Manifest.Task, Manifest.ClassLabels, rows, _imageBaseDirectory);
        return Predict(data);
    }

    /// <summary>Scores every post of a data set, e.g. one from <see cref="LoadInput"/>.</summary>
    /// <param name="posts">Posts with the model's input columns.</param>
    /// <returns>One prediction per row, in order.</returns>
    public IReadOnlyList<PostPrediction> Predict(PostDataset posts)
    {
        ArgumentNullException.ThrowIfNull(posts);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var scored = _package.Model.Transform(posts.DataView);
        if (Manifest.Task == TaskKind.Regression)
        {
            return ScoredOutput.ReadValues(scored).Select(v => new PostPrediction { Value = v }).ToList();
        }

        var classes = Manifest.ClassLabels;
        return ScoredOutput.ReadProbabilities(scored, Manifest.Task, classes.Count).Select(p =>
        {
            int best = 0;
            var byClass = new Dictionary<string, float>(classes.Count, StringComparer.Ordinal);
            for (int c = 0; c < classes.Count; c++)
            {
                byClass[classes[c]] = p[c];
                if (p[c] > p[best])
                {
                    best = c;
                }
            }

            return new PostPrediction { PredictedLabel = classes[best], Probabilities = byClass };
        }).ToList();
    }

    /// <summary>Reads a file of posts to score (TSV, CSV or JSON Lines) against this model's columns.</summary>
    /// <param name="path">The file. It must have every input column of the model; the label is needed only when <paramref name="requireLabel"/>.</param>
    /// <param name="requireLabel">Whether the label column must be present (for evaluation).</param>
    /// <param name="options">Optional format settings.</param>
    public PostDataset LoadInput(string path, bool requireLabel = false, PostLoadOptions? options = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return PostDatasetLoader.LoadForScoring(path, Manifest.Columns, Manifest.Task, Manifest.ClassLabels, requireLabel, options);
    }

    /// <summary>Scores labelled posts and computes the model's metrics on them.</summary>
    /// <param name="posts">Posts with the label column, e.g. from <see cref="LoadInput"/> with <c>requireLabel: true</c>.</param>
    /// <exception cref="ArgumentException">The posts have no label, or a label the model does not know.</exception>
    public EvaluationMetrics Evaluate(PostDataset posts)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new CrossModalTrainer(_mlContext).Evaluate(_package.Model, posts);
    }

    /// <summary>Releases the model.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _package.Dispose();
        }
    }

    private IReadOnlyList<ColumnSchema> ScoringSchema() => Manifest.Columns.Where(c => c.Role != ColumnRole.Label).ToList();
}
