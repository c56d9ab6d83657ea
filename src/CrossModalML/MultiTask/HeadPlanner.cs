using CrossModalML.AutoML;
using CrossModalML.Data;
using CrossModalML.Evaluation;
using CrossModalML.Featurization;
using CrossModalML.Packaging;
using CrossModalML.Training;
using Microsoft.ML;

namespace CrossModalML.MultiTask;

/// <summary>Makes the <see cref="HeadPlan"/> on the first fit's training rows: each head's trainer (given, the task's
/// default, or searched on the shared features) and the stacking decision.</summary>
internal sealed class HeadPlanner
{
    private const double ImbalanceRatio = 1.5;

    private readonly MLContext _mlContext;
    private readonly MultiTaskOptions _options;
    private readonly TaskSet _tasks;
    private readonly IProgress<TrialResult>? _trials;
    private readonly CancellationToken _cancellationToken;

    /// <param name="mlContext">The context searches run in.</param>
    /// <param name="options">Head, search and stacking settings.</param>
    /// <param name="tasks">The tasks.</param>
    /// <param name="trials">Receives every search trial.</param>
    /// <param name="cancellationToken">Stops searches and fits.</param>
    public HeadPlanner(MLContext mlContext, MultiTaskOptions options, TaskSet tasks, IProgress<TrialResult>? trials, CancellationToken cancellationToken)
    {
        _mlContext = mlContext;
        _options = options;
        _tasks = tasks;
        _trials = trials;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Plans the heads on <paramref name="rows"/>.</summary>
    /// <param name="heads">Fits heads with class weights from <paramref name="rows"/>.</param>
    /// <param name="features">The rows' shared features, aligned with <paramref name="rows"/>.</param>
    /// <param name="rows">The training rows.</param>
    /// <param name="progress">Receives a report as each search starts.</param>
    public HeadPlan Plan(HeadFitter heads, FeatureMatrix features, IReadOnlyList<int> rows, IProgress<TrainingProgress>? progress)
    {
        var trainers = new Dictionary<string, TrainerSpec>(StringComparer.Ordinal);
        var searches = new Dictionary<string, SearchSummary>(StringComparer.Ordinal);
        foreach (var label in _options.Labels)
        {
            var labels = heads.Labels[label];
            if (_options.Search is null)
            {
                var trainer = _options.Trainer ?? TrainerFactory.Default(labels.Kind);
                trainers[label] = _options.ClassWeighting && labels.Kind != TaskKind.Regression
                    ? new TrainerSpec(trainer.Name, new Dictionary<string, double>(trainer.Parameters) { [TrainerFactory.ClassWeightingParameter] = 1 })
                    : trainer;
                continue;
            }

            progress?.Report(new TrainingProgress(1, 1, $"search the head of '{label}' on the shared features"));
            var summary = Search(labels, features, rows);
            trainers[label] = summary.BestTrainer;
            searches[label] = summary;
        }

        var stacking = new StackingDecider(_options.Stacking, _options.Seed, _tasks, heads, _cancellationToken).Decide(trainers, features, rows);
        return new HeadPlan(trainers, searches, stacking);
    }

    private SearchSummary Search(TaskLabels labels, FeatureMatrix features, IReadOnlyList<int> rows)
    {
        var search = _options.Search!;
        var metric = search.Metric is { } wanted && AutoMLMetrics.AppliesTo(wanted, labels.Kind) ? wanted : AutoMLMetrics.Default(labels.Kind);
        var counts = labels.Kind == TaskKind.Regression ? [] : rows.GroupBy(r => labels.ClassIndices[r]).Select(g => g.Count()).ToList();
        bool startWeighted = metric == AutoMLMetric.MacroF1 && counts.Count > 0 && counts.Max() > ImbalanceRatio * counts.Min();
        var standard = SearchSpaceCatalog.For(labels.Kind, rows.Count, _tasks.TaskData[_tasks.Main].Columns, _options.Featurizer, startWeighted);
        var space = new SearchSpace(standard.Trainers, []);
        var (splits, description) = search.Evaluation.CreateSplits(_tasks.TaskData[labels.Name].Select(rows), _options.Seed);
        var runner = new SharedFeatureTrialRunner(labels, features, rows, splits, _options.Seed);
        var experimentOptions = HeadSearchOptions.For(_options, metric);
        ITuner tuner = search.Tuner == TunerKind.Random ? new RandomTuner(space, _options.Seed) : new CfoTuner(space, _options.Seed);
        var result = new AutoMLExperiment(_mlContext, experimentOptions).Search(space, tuner, runner, metric, _trials, _cancellationToken);
        var best = result.Best ?? throw new InvalidOperationException(
            $"No trial completed for the head of '{labels.Name}' in {result.Trials.Count} trial(s)" +
            (result.Trials.FirstOrDefault(t => t.Message is not null) is { } failure ? $"; trial {failure.Number} ({failure.Configuration.Trainer.Name}): {failure.Message}" : "; give the search more time or trials."));
        return SearchSummaries.Create(experimentOptions, result, best, $"{description} on the shared features of the training rows", FeaturizerChoice.From(_options.Featurizer));
    }
}
