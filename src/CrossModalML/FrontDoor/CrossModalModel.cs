using CrossModalML.AutoML;
using CrossModalML.Evaluation;
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
    private string? _path;

    internal CrossModalModel(MLContext mlContext, ITransformer transformer, DataViewSchema inputSchema, ModelManifest manifest, object result, string? path = null)
    {
        _mlContext = mlContext;
        Transformer = transformer;
        InputSchema = inputSchema;
        Manifest = manifest;
        _result = result;
        _path = path;
    }

    /// <summary>The main task's metrics as the manifest records them; <c>null</c> when evaluation was off.</summary>
    public EvaluationMetrics? Metrics => Manifest.Metrics;

    /// <summary>The search's trials, best first (failures last); <c>null</c> when no search ran (one fit, a multi-task
    /// fit, a retraining without search, a loaded model).</summary>
    public IReadOnlyList<TrialResult>? Leaderboard => (SearchResult?.Search ?? RetrainingResult?.Search)?.Leaderboard;

    /// <summary>The manifest saved with the model: task, columns, classes, trainer, seed, metrics, search.</summary>
    public ModelManifest Manifest { get; }

    /// <summary>The fitted ML.NET chain, raw posts in, scores out.</summary>
    public ITransformer Transformer { get; }

    /// <summary>The schema of the posts the model reads (as <c>PostDataset.DataView.Schema</c>).</summary>
    public DataViewSchema InputSchema { get; }

    /// <summary>The file the model was loaded from or last saved to; <c>null</c> before it is saved.</summary>
    public string? FilePath => Volatile.Read(ref _path);

    /// <summary>The one fit behind the model (<see cref="CrossModalCatalog.Fit"/>, a fast preset); else <c>null</c>.</summary>
    public TrainingResult? TrainingResult => _result as TrainingResult;

    /// <summary>The search behind the model (<see cref="CrossModalCatalog.Search(Data.PostDataset, SearchBudget, AutoMLExperimentOptions?, IProgress{CrossModalProgress}?, CancellationToken)"/>); else <c>null</c>.</summary>
    public AutoMLResult? SearchResult => _result as AutoMLResult;

    /// <summary>The multi-task fit behind the model (<see cref="CrossModalCatalog.FitMultiTask"/>); else <c>null</c>.</summary>
    public MultiTaskResult? MultiTaskResult => _result as MultiTaskResult;

    /// <summary>The retraining behind the model (<see cref="CrossModalCatalog.Retrain"/>), with the old and new model's
    /// scores on the shared hold-out; else <c>null</c>.</summary>
    public RetrainingResult? RetrainingResult => _result as RetrainingResult;

    /// <summary>Writes the model zip (ML.NET model and manifest). The file is written beside the target and renamed over
    /// it only when complete, so a failed save leaves an existing file as it was.</summary>
    /// <param name="path">The zip to write; its directory is created if needed.</param>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ModelPackage.Save(_mlContext, path, Transformer, InputSchema, Manifest);
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
