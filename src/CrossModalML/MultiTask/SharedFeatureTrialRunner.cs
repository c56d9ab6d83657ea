using CrossModalML.AutoML;
using CrossModalML.Data;
using Microsoft.ML;
using CrossModalML.Featurization;
using CrossModalML.Evaluation;

namespace CrossModalML.MultiTask;

/// <summary>Evaluates trainer configurations for one head on features the shared featurizer already computed.</summary>
/// <remarks>The featurizer choice of a configuration is ignored: in a multi-task model the featurizer is shared
/// (each head reads its modalities' part of it), so only trainers and hyperparameters are searched. Each run uses its own <see cref="MLContext"/> with the
/// search seed, so a configuration scores the same whatever ran before it; thread-safe for abandoned trials.</remarks>
internal sealed class SharedFeatureTrialRunner : ITrialRunner
{
    private readonly TaskLabels _labels;
    private readonly HeadInput _input;
    private readonly FeatureMatrix _features;
    private readonly IReadOnlyList<int> _rows;
    private readonly IReadOnlyList<DataSplit> _splits;
    private readonly int _seed;

    /// <param name="labels">The task's labels of every row.</param>
    /// <param name="input">The head's part of the features.</param>
    /// <param name="features">Features of <paramref name="rows"/>, aligned.</param>
    /// <param name="rows">The training rows (indices into <paramref name="labels"/>).</param>
    /// <param name="splits">Evaluation splits over positions in <paramref name="rows"/>.</param>
    /// <param name="seed">Seed of every fit.</param>
    public SharedFeatureTrialRunner(TaskLabels labels, HeadInput input, FeatureMatrix features, IReadOnlyList<int> rows, IReadOnlyList<DataSplit> splits, int seed)
    {
        _labels = labels;
        _input = input;
        _features = features;
        _rows = rows;
        _splits = splits;
        _seed = seed;
    }

    /// <inheritdoc />
    public void Prepare(FeaturizerChoice featurizer, CancellationToken cancellationToken)
    {
        // The features are shared and already computed.
    }

    /// <inheritdoc />
    public IReadOnlyList<EvaluationMetrics> Run(TrialConfiguration configuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var mlContext = new MLContext(_seed);
        var folds = new List<EvaluationMetrics>(_splits.Count);
        foreach (var split in _splits)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var head = HeadPipeline.Fit(mlContext, _labels, configuration.Trainer, View(mlContext, split.Train), stacked: false, _input);
            cancellationToken.ThrowIfCancellationRequested();
            var testRows = split.Test.Select(p => _rows[p]).ToList();
            folds.Add(HeadPipeline.Evaluate(head.Transform(View(mlContext, split.Test)), _labels, testRows));
        }

        return folds;
    }

    private IDataView View(MLContext mlContext, IReadOnlyList<int> positions) =>
        HeadPipeline.View(mlContext, _labels, _input, _features.Select(positions), positions.Select(p => _rows[p]).ToList(), null);
}
