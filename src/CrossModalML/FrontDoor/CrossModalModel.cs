using System.Globalization;
using CrossModalML.AutoML;
using CrossModalML.Data;
using CrossModalML.Evaluation;
using CrossModalML.IO;
using CrossModalML.MultiTask;
using CrossModalML.Packaging;
using CrossModalML.Prediction;
using CrossModalML.Retraining;
using CrossModalML.Training;
using Microsoft.ML;

namespace CrossModalML;

/// <summary>A trained (or loaded) CrossModalML model: what every training path of <see cref="CrossModalCatalog"/>
/// returns, whether one fit, a search, a multi-task fit or a retraining.</summary>
/// <remarks>
/// <para>Ownership: the model owns its ML.NET transformer and the native resources in it (ONNX sessions of pretrained
/// encoders); dispose it when done. A predictor from <see cref="CreatePredictor"/> loads its own copy, so it outlives
/// the model.</para>
/// <para>Thread-safety: reading the properties is safe from any thread; <see cref="Save"/> may run from several threads
/// at once (each writes its own file). Scoring through <see cref="Transformer"/> follows ML.NET's rules; for concurrent
/// scoring use <see cref="CreatePredictor"/>.</para>
/// </remarks>
public sealed class CrossModalModel : IDisposable
{
    private readonly MLContext _mlContext;
    private readonly object _result;
    private readonly byte[]? _copy;
    private ModelManifest _manifest;
    private string? _path;

    internal CrossModalModel(MLContext mlContext, ITransformer transformer, DataViewSchema inputSchema, ModelManifest manifest, object result, string? path = null, byte[]? copy = null)
    {
        _copy = copy;
        _mlContext = mlContext;
        Transformer = transformer;
        InputSchema = inputSchema;
        _manifest = manifest;
        _result = result;
        _path = path;
    }

    /// <summary>The main task's metrics as the manifest records them; <c>null</c> when evaluation was off.</summary>
    public EvaluationMetrics? Metrics => Manifest.Metrics;

    /// <summary>The search's trials, best first (failures last); <c>null</c> when no search ran (one fit, a multi-task
    /// fit, a retraining without search, a loaded model).</summary>
    public IReadOnlyList<TrialResult>? Leaderboard => (SearchResult?.Search ?? RetrainingResult?.Search)?.Leaderboard;

    /// <summary>The manifest saved with the model: task, columns, classes, trainer, seed, metrics, search.</summary>
    public ModelManifest Manifest => Volatile.Read(ref _manifest);

    /// <summary>The fitted ML.NET chain, raw posts in, scores out.</summary>
    public ITransformer Transformer { get; }

    /// <summary>The schema of the posts the model reads (as <c>PostDataset.DataView.Schema</c>).</summary>
    public DataViewSchema InputSchema { get; }

    /// <summary>The file the model was loaded from or last saved to; <c>null</c> before it is saved.</summary>
    public string? FilePath => Volatile.Read(ref _path);

    /// <summary>The one fit behind the model (<see cref="CrossModalCatalog.Fit(Data.PostDataset, Training.TrainingOptions?, IProgress{CrossModalProgress}?, CancellationToken)"/>, a fast preset); else <c>null</c>.</summary>
    public TrainingResult? TrainingResult => _result as TrainingResult;

    /// <summary>The search behind the model (<see cref="CrossModalCatalog.Search(Data.PostDataset, SearchBudget, AutoMLExperimentOptions?, IProgress{CrossModalProgress}?, CancellationToken)"/>); else <c>null</c>.</summary>
    public AutoMLResult? SearchResult => _result as AutoMLResult;

    /// <summary>The multi-task fit behind the model (<see cref="CrossModalCatalog.FitMultiTask"/>); else <c>null</c>.</summary>
    public MultiTaskResult? MultiTaskResult => _result as MultiTaskResult;

    /// <summary>The retraining behind the model (<see cref="CrossModalCatalog.Retrain(string, Data.PostDataset, Retraining.RetrainingOptions?, IProgress{CrossModalProgress}?, CancellationToken)"/>), with the old and new model's
    /// scores on the shared hold-out; else <c>null</c>.</summary>
    public RetrainingResult? RetrainingResult => _result as RetrainingResult;

    /// <summary>Scores labelled posts with the model and measures it: accuracy, macro-F1 and the rest for a
    /// classifier (at the decision threshold the model was saved with), RMSE and the rest for a regressor. The model
    /// and its manifest are not changed.</summary>
    /// <param name="test">Labelled posts with the model's columns, task and classes (main task only), e.g. from
    /// <see cref="PostDatasetLoader.LoadForScoring"/> with <c>requireLabel: true</c>.</param>
    /// <exception cref="NotSupportedException">The model is a multi-task model; evaluate its tasks with
    /// <see cref="CrossModalPredictor.EvaluateTasks"/>.</exception>
    /// <exception cref="ArgumentException">The posts have no label, or a label the model does not know.</exception>
    public EvaluationMetrics Evaluate(PostDataset test)
    {
        ArgumentNullException.ThrowIfNull(test);
        if (Manifest.IsMultiTask)
        {
            throw new NotSupportedException("CrossModalModel.Evaluate measures single-task models; a multi-task model's tasks are measured with CrossModalPredictor.EvaluateTasks.");
        }

        return new CrossModalTrainer(_mlContext).Evaluate(Transformer, test, Manifest);
    }

    /// <summary>Makes metrics on a separate test set the model's own (<see cref="Metrics"/>, and the manifest's metrics
    /// and evaluation), as a search evaluated on a test set records them.</summary>
    internal void RecordTestMetrics(EvaluationMetrics metrics, PostDataset test) =>
        Volatile.Write(ref _manifest, Manifest with
        {
            Metrics = metrics,
            Evaluation = $"separate test set ({test.RowCount.ToString("N0", CultureInfo.InvariantCulture)} rows)",
        });

    /// <summary>Writes the model zip (ML.NET model and manifest). The file is written beside the target and renamed over
    /// it only when complete, so a failed save leaves an existing file as it was.</summary>
    /// <param name="path">The zip to write; its directory is created if needed.</param>
    /// <remarks>Each save stores a fresh user-id salt, except for the old model a retraining kept
    /// (<see cref="RetrainingResult.KeptOldModel"/>): that is written as an exact copy of the old zip.</remarks>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (_copy is not null)
        {
            AtomicFile.WriteAllBytes(path, _copy);
        }
        else
        {
            ModelPackage.Save(_mlContext, path, Transformer, InputSchema, Manifest);
        }

        Volatile.Write(ref _path, Path.GetFullPath(path));
    }

    /// <summary>A thread-safe predictor for this model. A saved or loaded model is read again from its
    /// <see cref="FilePath"/>; an unsaved one is written to a temporary file, loaded and the file removed (so
    /// <see cref="PredictorOptions.ReloadOnChange"/> and <see cref="CrossModalPredictor.Reload"/> need a saved model).</summary>
    /// <param name="options">Predictor settings; <c>null</c> for the defaults.</param>
    /// <exception cref="ArgumentException"><see cref="PredictorOptions.ReloadOnChange"/> on a model that has no file.</exception>
    public CrossModalPredictor CreatePredictor(PredictorOptions? options = null)
    {
        if (FilePath is { } path)
        {
            return CrossModalPredictor.Load(path, options);
        }

        if (options?.ReloadOnChange == true)
        {
            throw new ArgumentException("PredictorOptions.ReloadOnChange watches the model's file; save the model first (CrossModalModel.Save).", nameof(options));
        }

        var folder = Directory.CreateTempSubdirectory("crossmodal-predictor-");
        try
        {
            var file = Path.Combine(folder.FullName, "model.zip");
            ModelPackage.Save(_mlContext, file, Transformer, InputSchema, Manifest);
            return CrossModalPredictor.Load(file, options);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Releases the transformer's native resources.</summary>
    public void Dispose() => (Transformer as IDisposable)?.Dispose();
}
