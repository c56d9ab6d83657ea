using CrossModalML.AutoML;
using CrossModalML.Data;
using CrossModalML.MultiTask;
using CrossModalML.Packaging;
using CrossModalML.Prediction;
using CrossModalML.Retraining;
using CrossModalML.Training;
using Microsoft.ML;

namespace CrossModalML;

/// <summary>The toolkit's front door, reached with <c>mlContext.CrossModal()</c>: load posts, fit one model, search for
/// one, fit several tasks at once, retrain a saved model, load models and predictors. Every training path returns a
/// <see cref="CrossModalModel"/>.</summary>
/// <remarks>
/// <para><b>One seed.</b> The seed is the context's (<c>new MLContext(seed: 1)</c>); the catalog writes it into the
/// <c>Seed</c> of every options object it passes down (on a copy: the caller's object is not changed), so a seed set
/// on <see cref="TrainingOptions.Seed"/> and the like is replaced. A context made without a seed gets one drawn from
/// its random source, the same for every run of this catalog (<see cref="Seed"/>).</para>
/// <para><b>Progress and cancellation.</b> Every long method takes an <see cref="IProgress{T}"/> of
/// <see cref="CrossModalProgress"/> and a <see cref="CancellationToken"/>; reports arrive on the thread doing the work.
/// A cancelled run throws <see cref="OperationCanceledException"/> and returns no model (a search that was cut short
/// does not hand back its best-so-far). Each has an <c>Async</c> twin that runs the same work on the thread pool.</para>
/// <para>Thread-safety: the catalog holds no state besides the context and the seed, and its methods may be called from
/// several threads. Concurrent runs share the context as any ML.NET calls on one context do; for figures that repeat
/// exactly, run them one at a time or give each its own context.</para>
/// </remarks>
public sealed class CrossModalCatalog
{
    private readonly MLContext _mlContext;

    internal CrossModalCatalog(MLContext mlContext)
    {
        _mlContext = mlContext;
        Seed = ContextSeed.Of(mlContext);
    }

    /// <summary>The seed of every run through this catalog: the context's, or one drawn once when it has none.</summary>
    public int Seed { get; }

    /// <summary>Loads labelled posts (.tsv, .csv or .jsonl with a header), inferring column roles and the task.</summary>
    /// <param name="path">The posts file.</param>
    /// <param name="labelColumn">The column to predict; <c>null</c> for posts without a label (scoring, retrieval).</param>
    /// <exception cref="PostDataException">The file cannot be read as posts; the message names the file, row and column.</exception>
    public PostDataset LoadPosts(string path, string? labelColumn = null) => LoadPosts(path, new PostLoadOptions { LabelColumn = labelColumn });

    /// <summary>Loads posts with explicit settings (label, task, role overrides, strict images, format).</summary>
    /// <param name="path">The posts file.</param>
    /// <param name="options">How to read it.</param>
    /// <param name="progress">Receives a line as each stage of reading ends (rows read, roles inferred, images checked).</param>
    /// <exception cref="PostDataException">The file cannot be read as posts; the message names the file, row and column.</exception>
    public PostDataset LoadPosts(string path, PostLoadOptions options, IProgress<CrossModalProgress>? progress = null) =>
        PostDatasetLoader.Load(path, options, ProgressAdapter.For(CrossModalProgress.Load, progress));

    /// <summary>Fits one model (no search) and evaluates it as <see cref="TrainingOptions.Evaluation"/> says.</summary>
    /// <param name="data">Labelled posts.</param>
    /// <param name="options">Featurizer, trainer, evaluation and fusion settings; <c>null</c> for the defaults. Its seed is replaced by <see cref="Seed"/>.</param>
    /// <param name="progress">Receives each training step.</param>
    /// <param name="cancellationToken">Stops the run before its next fit.</param>
    public CrossModalModel Fit(PostDataset data, TrainingOptions? options = null, IProgress<CrossModalProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var seeded = (options ?? new TrainingOptions()).WithSeed(Seed);
        return FitSeeded(data, seeded, ProgressAdapter.For(CrossModalProgress.Fit, progress), cancellationToken);
    }

    /// <summary>Fits one model on every row of <paramref name="data"/> and evaluates it on the separate posts of
    /// <paramref name="test"/> instead of a split (<see cref="TrainingOptions.Evaluation"/> is not used to split).</summary>
    /// <param name="data">Labelled posts, all of them used for the fit.</param>
    /// <param name="test">Labelled posts with the same columns, task and classes, only scored; e.g. from
    /// <see cref="PostDatasetLoader.LoadForScoring"/> with the training posts' columns and <c>requireLabel: true</c>.</param>
    /// <param name="options">Featurizer, trainer and fusion settings; <c>null</c> for the defaults. Its seed is replaced by <see cref="Seed"/>.</param>
    /// <param name="progress">Receives each training step.</param>
    /// <param name="cancellationToken">Stops the run before its next fit.</param>
    /// <returns>The model; its <see cref="CrossModalModel.Metrics"/> are those on <paramref name="test"/>.</returns>
    public CrossModalModel Fit(PostDataset data, PostDataset test, TrainingOptions? options, IProgress<CrossModalProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(test);
        var seeded = (options ?? new TrainingOptions()).WithSeed(Seed);
        return FitSeeded(data, seeded, ProgressAdapter.For(CrossModalProgress.Fit, progress), cancellationToken, test);
    }

    /// <summary>Runs <see cref="Fit(PostDataset, TrainingOptions?, IProgress{CrossModalProgress}?, CancellationToken)"/> on the thread pool.</summary>
    /// <inheritdoc cref="Fit(PostDataset, TrainingOptions?, IProgress{CrossModalProgress}?, CancellationToken)" path="/param"/>
    public Task<CrossModalModel> FitAsync(PostDataset data, TrainingOptions? options = null, IProgress<CrossModalProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Task.Run(() => Fit(data, options, progress, cancellationToken), cancellationToken);

    /// <summary>Trains as <c>crossmodal train --preset</c> does: <see cref="QualityPresetPlanner"/> plans the run on the
    /// data (one fit for <see cref="QualityPreset.Fast"/>; a search whose time grows with the posts for
    /// <see cref="QualityPreset.Balanced"/>, four times that plus an ensemble for <see cref="QualityPreset.Best"/>), the
    /// shipped pretrained encoders and grouped splits it chooses are applied, and the plan runs.</summary>
    /// <param name="data">Labelled posts.</param>
    /// <param name="preset">The preset. Default <see cref="QualityPreset.Balanced"/>.</param>
    /// <param name="progress">Receives each training step or search trial.</param>
    /// <param name="cancellationToken">Stops the run; a cancelled search throws instead of returning its best so far.</param>
    public CrossModalModel Search(PostDataset data, QualityPreset preset = QualityPreset.Balanced, IProgress<CrossModalProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var options = new TrainingOptions { Seed = Seed };
        var plan = QualityPresetPlanner.Plan(data, PresetSettings.Request(preset, options));
        PresetSettings.Apply(plan, options);
        return plan.Search
            ? SearchSeeded(data, PresetSettings.Search(plan, options), progress, cancellationToken)
            : FitSeeded(data, options, ProgressAdapter.For(CrossModalProgress.Fit, progress), cancellationToken);
    }

    /// <summary>Runs <see cref="Search(PostDataset, QualityPreset, IProgress{CrossModalProgress}?, CancellationToken)"/> on the thread pool.</summary>
    /// <inheritdoc cref="Search(PostDataset, QualityPreset, IProgress{CrossModalProgress}?, CancellationToken)" path="/param"/>
    public Task<CrossModalModel> SearchAsync(PostDataset data, QualityPreset preset = QualityPreset.Balanced, IProgress<CrossModalProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Task.Run(() => Search(data, preset, progress, cancellationToken), cancellationToken);

    /// <summary>Runs an AutoML search within <paramref name="budget"/> (trainers, hyperparameters and featurizer
    /// settings), then refits the winner on every row.</summary>
    /// <param name="data">Labelled posts.</param>
    /// <param name="budget">Time and trial budget, memory caps, metric and tuner; replaces <see cref="AutoMLExperimentOptions.Budget"/>.</param>
    /// <param name="options">Featurizer, evaluation, fusion and ensemble settings; <c>null</c> for the defaults. Its
    /// seed is replaced by <see cref="Seed"/>.</param>
    /// <param name="progress">Receives each trial as it starts and ends.</param>
    /// <param name="cancellationToken">Stops the search; a cancelled search throws instead of returning its best so far.</param>
    /// <exception cref="ArgumentException">The budget sets neither a time nor a trial count, or a setting is out of range
    /// (the message names it, e.g. <c>SearchBudget.MaxTrials</c>).</exception>
    public CrossModalModel Search(PostDataset data, SearchBudget budget, AutoMLExperimentOptions? options = null, IProgress<CrossModalProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(budget);
        budget.Validate();
        var seeded = (options ?? new AutoMLExperimentOptions()).WithSeed(Seed);
        seeded.Budget = budget;
        return SearchSeeded(data, seeded, progress, cancellationToken);
    }

    /// <summary>Runs an AutoML search on <paramref name="data"/> as
    /// <see cref="Search(PostDataset, SearchBudget, AutoMLExperimentOptions?, IProgress{CrossModalProgress}?, CancellationToken)"/>
    /// does, refits the winner on every row, and evaluates it on the separate posts of <paramref name="test"/>: those
    /// metrics replace the search's own in <see cref="CrossModalModel.Metrics"/> and the manifest.</summary>
    /// <param name="data">Labelled posts to search and refit on.</param>
    /// <param name="test">Labelled posts with the same columns, task and classes, only scored after the refit.</param>
    /// <param name="budget">Time and trial budget, memory caps, metric and tuner; replaces <see cref="AutoMLExperimentOptions.Budget"/>.</param>
    /// <param name="options">Featurizer, evaluation, fusion and ensemble settings; <c>null</c> for the defaults. Its
    /// seed is replaced by <see cref="Seed"/>.</param>
    /// <param name="progress">Receives each trial as it starts and ends.</param>
    /// <param name="cancellationToken">Stops the search; a cancelled search throws instead of returning its best so far.</param>
    /// <exception cref="ArgumentException">As for the overload without a test set.</exception>
    public CrossModalModel Search(PostDataset data, PostDataset test, SearchBudget budget, AutoMLExperimentOptions? options, IProgress<CrossModalProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(budget);
        budget.Validate();
        var seeded = (options ?? new AutoMLExperimentOptions()).WithSeed(Seed);
        seeded.Budget = budget;
        return SearchSeeded(data, seeded, progress, cancellationToken, test);
    }

    /// <summary>Runs <see cref="Search(PostDataset, SearchBudget, AutoMLExperimentOptions?, IProgress{CrossModalProgress}?, CancellationToken)"/> on the thread pool.</summary>
    /// <inheritdoc cref="Search(PostDataset, SearchBudget, AutoMLExperimentOptions?, IProgress{CrossModalProgress}?, CancellationToken)" path="/param"/>
    public Task<CrossModalModel> SearchAsync(PostDataset data, SearchBudget budget, AutoMLExperimentOptions? options = null, IProgress<CrossModalProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Task.Run(() => Search(data, budget, options, progress, cancellationToken), cancellationToken);

    /// <summary>Fits one model with a head per label column on shared features (<see cref="MultiTaskTrainer"/>).</summary>
    /// <param name="data">Posts with every label column of <paramref name="options"/>.</param>
    /// <param name="options">The tasks, heads, stacking and evaluation. Its seed is replaced by <see cref="Seed"/>.</param>
    /// <param name="progress">Receives each training step and, with <see cref="MultiTaskOptions.Search"/>, each head's trials.</param>
    /// <param name="cancellationToken">Stops the run before its next fit.</param>
    public CrossModalModel FitMultiTask(PostDataset data, MultiTaskOptions options, IProgress<CrossModalProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var seeded = options.WithSeed(Seed);
        var adapter = ProgressAdapter.For(CrossModalProgress.MultiTask, progress, seeded.Search?.Budget.MaxTrials);
        seeded.Featurizer = seeded.Featurizer.WithProgress(adapter);
        var result = new MultiTaskTrainer(_mlContext).Train(data, seeded, adapter, adapter, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        return new CrossModalModel(_mlContext, result.Model, result.TrainingData.DataView.Schema, result.ToManifest(seeded), result);
    }

    /// <summary>Runs <see cref="FitMultiTask"/> on the thread pool.</summary>
    /// <inheritdoc cref="FitMultiTask" path="/param"/>
    public Task<CrossModalModel> FitMultiTaskAsync(PostDataset data, MultiTaskOptions options, IProgress<CrossModalProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Task.Run(() => FitMultiTask(data, options, progress, cancellationToken), cancellationToken);

    /// <summary>Retrains a saved model on new labelled posts (<see cref="ModelRetrainer"/>): its recorded pipeline, or a
    /// new search with <see cref="RetrainingOptions.Search"/>, is fitted on the new posts and compared with the old model
    /// on a hold-out of them (<see cref="CrossModalModel.RetrainingResult"/>). The old zip is only read; nothing is written
    /// until <see cref="CrossModalModel.Save"/>.</summary>
    /// <param name="modelPath">The old model zip. Retrain only models you trust (they are loaded to be scored).</param>
    /// <param name="data">New posts with the old model's columns and label, e.g. from
    /// <see cref="LoadPosts(string, string?)"/> with the old label column.</param>
    /// <param name="options">Encoders, hold-out, old data, search; <c>null</c> for the defaults. Its seed is replaced by
    /// <see cref="Seed"/> (the old model's seed is not reused).</param>
    /// <param name="progress">Receives each fit or search step, and each trial of a search.</param>
    /// <param name="cancellationToken">Stops the run before its next fit.</param>
    /// <remarks>The retrainer writes the new model to a temporary file that is loaded back and removed, so
    /// <see cref="RetrainingResult.OutputPath"/> names a file that no longer exists; with
    /// <see cref="RetrainingOptions.KeepBetter"/> and a worse new model, the returned model is the old one.</remarks>
    public CrossModalModel Retrain(string modelPath, PostDataset data, RetrainingOptions? options = null, IProgress<CrossModalProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelPath);
        ArgumentNullException.ThrowIfNull(data);
        return RetrainSeeded(options, progress, (output, seeded, adapter) => ModelRetrainer.Retrain(modelPath, data, output, seeded, adapter, cancellationToken), cancellationToken);
    }

    /// <summary>Retrains a saved model on the labelled posts of a file, read as the old model reads its input (its
    /// columns, task and classes, with <see cref="RetrainingOptions.Load"/>; every row needs a label). Otherwise as
    /// <see cref="Retrain(string, PostDataset, RetrainingOptions?, IProgress{CrossModalProgress}?, CancellationToken)"/>.</summary>
    /// <param name="modelPath">The old model zip. Retrain only models you trust (they are loaded to be scored).</param>
    /// <param name="dataPath">The new posts (.tsv, .csv or .jsonl with a header).</param>
    /// <param name="options">Encoders, hold-out, old data, search; <c>null</c> for the defaults. Its seed is replaced by
    /// <see cref="Seed"/> (the old model's seed is not reused).</param>
    /// <param name="progress">Receives each fit or search step, and each trial of a search.</param>
    /// <param name="cancellationToken">Stops the run before its next fit.</param>
    /// <exception cref="PostDataException">The file cannot be read with the old model's columns; the message names the file, row and column.</exception>
    public CrossModalModel Retrain(string modelPath, string dataPath, RetrainingOptions? options, IProgress<CrossModalProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(dataPath);
        return RetrainSeeded(options, progress, (output, seeded, adapter) => ModelRetrainer.Retrain(modelPath, dataPath, output, seeded, adapter, cancellationToken), cancellationToken);
    }

    private CrossModalModel RetrainSeeded(
        RetrainingOptions? options, IProgress<CrossModalProgress>? progress, Func<string, RetrainingOptions, ProgressAdapter?, RetrainingResult> retrain, CancellationToken cancellationToken)
    {
        var seeded = (options ?? new RetrainingOptions()).WithSeed(Seed);
        var adapter = ProgressAdapter.For(CrossModalProgress.Retrain, progress, seeded.Search?.Budget?.MaxTrials, seeded.Search?.TrialProgress);
        if (seeded.Search is { } search && adapter is not null)
        {
            seeded.Search = new RetrainingSearchOptions { Budget = search.Budget, SearchFeaturizer = search.SearchFeaturizer, TrialProgress = adapter };
        }

        seeded.FeaturizationProgress = Featurization.FeaturizationProgressRelay.Combine(seeded.FeaturizationProgress, adapter);

        var folder = Directory.CreateTempSubdirectory("crossmodal-retrain-");
        try
        {
            var result = retrain(Path.Combine(folder.FullName, "model.zip"), seeded, adapter);
            cancellationToken.ThrowIfCancellationRequested();
            var package = ModelPackage.Load(_mlContext, result.OutputPath);

            // A kept old model is saved as an exact copy of the old zip, so its user pseudonyms stay those of the old model.
            var copy = result.KeptOldModel ? File.ReadAllBytes(result.OutputPath) : null;
            return new CrossModalModel(_mlContext, package.Model, package.InputSchema, package.Manifest, result, copy: copy);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Runs <see cref="Retrain(string, PostDataset, RetrainingOptions?, IProgress{CrossModalProgress}?, CancellationToken)"/> on the thread pool.</summary>
    /// <inheritdoc cref="Retrain(string, PostDataset, RetrainingOptions?, IProgress{CrossModalProgress}?, CancellationToken)" path="/param"/>
    public Task<CrossModalModel> RetrainAsync(string modelPath, PostDataset data, RetrainingOptions? options = null, IProgress<CrossModalProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Task.Run(() => Retrain(modelPath, data, options, progress, cancellationToken), cancellationToken);

    /// <summary>Scores every trial of a saved search on labelled test posts, as AutoGluon's <c>leaderboard(test_data)</c>:
    /// each trial the manifest records is refit on <paramref name="train"/> and measured on <paramref name="test"/>, beside
    /// its validation score from the search. The saved model itself (the winner, or the ensemble when the model is one) is
    /// scored as it is, so its row equals <see cref="CrossModalModel.Evaluate"/> on the same posts.</summary>
    /// <param name="model">A model found by a search (<see cref="CrossModalModel.Manifest"/> has a <c>Search</c>), e.g. from
    /// <see cref="LoadModel"/>. It is not changed.</param>
    /// <param name="train">The posts to refit the trials on: the model's training data (the leaderboard says whether their
    /// fingerprint matches the manifest's), loaded with the model's columns and label, e.g. by
    /// <see cref="PostDatasetLoader.LoadForScoring"/> with <c>requireLabel: true</c>.</param>
    /// <param name="test">Labelled posts with the model's columns, task and classes, only scored.</param>
    /// <param name="progress">Receives a step as each trial is refit and scored.</param>
    /// <param name="cancellationToken">Stops the run before its next refit.</param>
    /// <returns>The rows, best test score first. Refits use the model's recorded seed (not <see cref="Seed"/>), so they repeat
    /// the fit the search gave its winner. A trial that failed in the search, or whose refit fails, is listed with the reason.</returns>
    /// <exception cref="NotSupportedException">The model is multi-task, or was not found by a search.</exception>
    /// <exception cref="ArgumentException">The posts do not have the model's label, task and classes.</exception>
    public TestLeaderboard Leaderboard(CrossModalModel model, PostDataset train, PostDataset test, IProgress<CrossModalProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        return TestLeaderboardBuilder.Build(_mlContext, model.Manifest, model.Transformer, train, test, ProgressAdapter.For(CrossModalProgress.Leaderboard, progress), cancellationToken);
    }

    /// <summary>Runs <see cref="Leaderboard"/> on the thread pool.</summary>
    /// <inheritdoc cref="Leaderboard" path="/param"/>
    public Task<TestLeaderboard> LeaderboardAsync(CrossModalModel model, PostDataset train, PostDataset test, IProgress<CrossModalProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Task.Run(() => Leaderboard(model, train, test, progress, cancellationToken), cancellationToken);

    /// <summary>Loads a model zip written by CrossModalML, with its manifest. Load only models you trust: ML.NET creates
    /// the transforms a zip names.</summary>
    /// <param name="path">The zip.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ModelPackageException">The file is not a CrossModalML model, or cannot be loaded.</exception>
    public CrossModalModel LoadModel(string path)
    {
        var package = ModelPackage.Load(_mlContext, path);
        return new CrossModalModel(_mlContext, package.Model, package.InputSchema, package.Manifest, package, Path.GetFullPath(path));
    }

    /// <summary>Loads a thread-safe predictor for a model zip (<see cref="CrossModalPredictor.Load"/>).</summary>
    /// <param name="path">The zip. Load only models you trust.</param>
    /// <param name="options">Predictor settings; <c>null</c> for the defaults.</param>
    public CrossModalPredictor LoadPredictor(string path, PredictorOptions? options = null) => CrossModalPredictor.Load(path, options);

    private CrossModalModel FitSeeded(PostDataset data, TrainingOptions options, ProgressAdapter? progress, CancellationToken cancellationToken, PostDataset? test = null)
    {
        options.Featurizer = options.Featurizer.WithProgress(progress);
        var result = new CrossModalTrainer(_mlContext).Train(data, options, test, progress, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        return new CrossModalModel(_mlContext, result.Model, data.DataView.Schema, result.ToManifest(data, options), result);
    }

    private CrossModalModel SearchSeeded(PostDataset data, AutoMLExperimentOptions options, IProgress<CrossModalProgress>? progress, CancellationToken cancellationToken, PostDataset? test = null)
    {
        var adapter = ProgressAdapter.For(CrossModalProgress.Search, progress, options.Budget.MaxTrials);
        options.Featurizer = options.Featurizer.WithProgress(adapter);
        var result = new AutoMLExperiment(_mlContext, options).Run(data, adapter, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var training = result.Training;
        var manifest = training.ToManifest(data, result.TrainingOptions) with { Search = result.Summary, Ensemble = result.Ensemble };
        var model = new CrossModalModel(_mlContext, training.Model, data.DataView.Schema, manifest, result);
        if (test is not null)
        {
            model.RecordTestMetrics(model.Evaluate(test), test);
        }

        return model;
    }
}
