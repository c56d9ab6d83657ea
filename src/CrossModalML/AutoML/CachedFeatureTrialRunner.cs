using System.Collections.Concurrent;
using CrossModalML.Data;
using CrossModalML.Execution;
using CrossModalML.Featurization;
using CrossModalML.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using CrossModalML.Evaluation;

namespace CrossModalML.AutoML;

/// <summary>The real trial runner: stratified k-fold cross-validation below a row threshold, a stratified hold-out
/// above it, on features computed once per featurizer choice.</summary>
/// <remarks>
/// <para><b>Evaluation.</b> <see cref="EvaluationOptions.Resolve"/> decides; an <see cref="AutoMLExperiment"/> passes its
/// <see cref="AutoMLExperimentOptions.CrossValidationRowLimit"/> (5-fold cross-validation below 10,000 rows, a 20%
/// hold-out from there on). Splits come from <see cref="DataSplitter"/> with the search seed, so every trial sees the
/// same folds and trials are comparable.</para>
/// <para><b>Featurize once.</b> Each featurizer choice is fitted once on all rows and its vectors are kept in memory;
/// every trial with that choice trains on slices of them, so images are never decoded again per trial. The trade-off:
/// the text dictionary and IDF weights (and metadata means) have seen every row, including a fold's test rows, so trial
/// scores are slightly optimistic compared with <see cref="CrossModalTrainer"/>'s per-fold featurizers. All trials share
/// that bias, so their ranking is fair; the refit of the winner uses the normal pipeline.</para>
/// <para><b>Trials.</b> Each <see cref="Run"/> uses its own <see cref="MLContext"/> seeded with the search seed, so a
/// configuration scores the same whatever ran before it. Linear trainers get min–max normalisation unless the choice
/// scales blocks in the featurizer, as in the saved model. Thread-safe: an abandoned trial may keep running beside the next.</para>
/// <para><b>Out-of-fold predictions.</b> Each completed classification trial keeps its class probabilities for the rows
/// its folds tested (<see cref="OutOfFold"/>), from which an ensemble is selected after the search.</para>
/// <para>Memory: one sparse vector per row per distinct featurizer choice tried, and one probability vector per tested
/// row per classification trial.</para>
/// </remarks>
public sealed class CachedFeatureTrialRunner : ITrialRunner
{
    private readonly PostDataset _data;
    private readonly int _seed;
    private readonly FeatureCache _cache;
    private readonly IReadOnlyList<DataSplit> _splits;
    private readonly EncodedLabels _labels;
    private readonly ConcurrentDictionary<TrialConfiguration, float[]?[]> _outOfFold = new();
    private readonly IWorkExecutor? _executor;
    private readonly FeaturizerOptions _baseFeaturizer;
    private readonly EvaluationOptions _evaluation;
    private readonly Lazy<(PostsOnDisk? OnDisk, PortablePosts? Posts)> _portable;

    /// <summary>Creates a runner over labelled posts.</summary>
    /// <param name="data">Training posts with a label.</param>
    /// <param name="baseFeaturizer">The user's featurizer options; the searched settings are overridden per trial.</param>
    /// <param name="evaluation">Hold-out or cross-validation settings (<see cref="EvaluationStrategy.None"/> is not allowed).</param>
    /// <param name="seed">Seed of the splits and of every trial's fits.</param>
    /// <param name="executor">Where trials run: <c>null</c> (default) for this process; otherwise each <see cref="Run"/> is
    /// one item of the executor (on a cluster, a worker featurizes the posts itself, once per featurizer choice, and
    /// returns the same metrics and out-of-fold probabilities), and <see cref="Prepare"/> does nothing here.</param>
    /// <exception cref="ArgumentException">No label, evaluation turned off, or nothing to featurize.</exception>
    public CachedFeatureTrialRunner(PostDataset data, FeaturizerOptions baseFeaturizer, EvaluationOptions evaluation, int seed, IWorkExecutor? executor = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(baseFeaturizer);
        ArgumentNullException.ThrowIfNull(evaluation);
        if (data.LabelColumn is null)
        {
            throw new ArgumentException($"The data set '{data.SourcePath}' has no label column; a search needs one.", nameof(data));
        }

        if (evaluation.Resolve(data.RowCount) == EvaluationStrategy.None)
        {
            throw new ArgumentException("A search must evaluate its trials; choose Auto, HoldOut or CrossValidation, not None.", nameof(evaluation));
        }

        (_splits, EvaluationDescription) = evaluation.CreateSplits(data, seed);
        var classWeights = data.Task == TaskKind.Regression ? [] : ClassWeights.Balanced(data.GetLabels(), data.ClassLabels);
        EvaluationDescription += " on features fitted once on all rows";
        _data = data;
        _seed = seed;
        _executor = executor;
        _baseFeaturizer = baseFeaturizer;
        _evaluation = evaluation;
        _portable = new(() => PostsOnDisk.Of(data) is { } onDisk
            ? (onDisk.ForWorker(executor?.DataRoot), null)
            : (null, PortablePosts.From(data).ForWorker(executor?.DataRoot)));
        _cache = new FeatureCache(data, baseFeaturizer, seed);
        var classIndices = data.Task == TaskKind.Regression ? []
            : Enumerable.Range(0, data.RowCount).Select(i => _cache.BinaryLabels is { } positive ? (positive[i] ? 1 : 0) : (int)(_cache.ClassKeys![i] - 1)).ToArray();
        _labels = EncodedLabels.WithClassWeights(data.Task, data.ClassLabels, classIndices, _cache.Values, classWeights);
    }

    /// <summary>How trials are evaluated, for reports.</summary>
    public string EvaluationDescription { get; }

    /// <inheritdoc />
    public void Prepare(FeaturizerChoice featurizer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(featurizer);
        if (_executor is null)
        {
            _cache.Get(featurizer, cancellationToken);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<EvaluationMetrics> Run(TrialConfiguration configuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (_executor is not null)
        {
            return RunOnExecutor(_executor, configuration, cancellationToken);
        }

        var features = _cache.Get(configuration.Featurizer, cancellationToken);
        var mlContext = new MLContext(_seed);

        // Each trial has its own context, so cancelling it stops this trial's trainer at its next check (between trees,
        // iterations or passes) instead of letting an abandoned trial hold a core until its fit ends.
        using var stop = TrainerInterruption.Link(mlContext, cancellationToken);
        var learner = ModelPipelineBuilder.Learner(mlContext, _data.Task, configuration.Trainer, configuration.Featurizer.Scaling);
        var folds = new List<EvaluationMetrics>(_splits.Count);
        var outOfFold = new OutOfFoldScorer(_splits, _data.RowCount).Score<float[]>(
            (_, train) => Fit(learner, View(mlContext, features, train), cancellationToken),
            test => View(mlContext, features, test),
            (scored, test) =>
            {
                if (_data.Task == TaskKind.Regression)
                {
                    folds.Add(MetricsCalculator.Regression(test.Select(i => _cache.Values![i]).ToList(), ScoredOutput.ReadValues(scored)));
                    return new float[test.Count][];
                }

                var probabilities = ScoredOutput.ReadProbabilities(scored, _data.Task, _data.ClassLabels.Count);
                folds.Add(MetricsCalculator.Classification(_data.ClassLabels, ScoredOutput.ReadClassIndices(scored, _data.Task), probabilities));
                return probabilities;
            },
            cancellationToken);

        if (_data.Task != TaskKind.Regression)
        {
            _outOfFold[configuration] = outOfFold;
        }

        return folds;
    }

    /// <summary>A completed classification trial's class probabilities per training row, predicted by the fold that did
    /// not train on the row; <c>null</c> for rows no fold tested (the training part of a hold-out). <c>null</c> when the
    /// configuration has not completed (or the task is regression).</summary>
    /// <param name="configuration">A configuration this runner ran.</param>
    public IReadOnlyList<float[]?>? OutOfFold(TrialConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return _outOfFold.TryGetValue(configuration, out var rows) ? rows : null;
    }

    /// <summary>Each training row's true class index (regression: empty).</summary>
    public IReadOnlyList<int> ClassIndices() => _labels.ClassIndices;

    private IReadOnlyList<EvaluationMetrics> RunOnExecutor(IWorkExecutor executor, TrialConfiguration configuration, CancellationToken cancellationToken)
    {
        var (onDisk, posts) = _portable.Value;
        var work = new TrialWork(onDisk, posts, _baseFeaturizer, _evaluation, _seed, configuration);
        var result = executor.RunAsync(TrialJob.Instance, [work], cancellationToken).GetAwaiter().GetResult()[0];
        if (result.OutOfFold is { } rows)
        {
            _outOfFold[configuration] = rows;
        }

        return result.Folds;
    }

    private static ITransformer Fit(IEstimator<ITransformer> learner, IDataView train, CancellationToken cancellationToken)
    {
        try
        {
            return learner.Fit(train);
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is not OperationCanceledException)
        {
            // ML.NET reports an interrupted fit as its own error; to the caller it is a cancellation.
            throw new OperationCanceledException("The trial was cancelled during a fit.", ex, cancellationToken);
        }
    }

    private IDataView View(MLContext mlContext, FeatureMatrix features, IReadOnlyList<int> rows) =>
        LabelledFeatureView.Create(mlContext, _labels, rows, ModelColumns.Features, features.Select(rows));
}
