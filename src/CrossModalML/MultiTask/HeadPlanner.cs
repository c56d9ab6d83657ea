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
/// <param name="mlContext">The context searches run in.</param>
/// <param name="options">Head, search and stacking settings.</param>
/// <param name="tasks">The tasks.</param>
/// <param name="trials">Receives every search trial.</param>
/// <param name="cancellationToken">Stops searches and fits.</param>
internal sealed class HeadPlanner(MLContext mlContext, MultiTaskOptions options, TaskSet tasks, IProgress<TrialResult>? trials, CancellationToken cancellationToken)
{
    private const double ImbalanceRatio = 1.5;

    /// <summary>Plans the heads on <paramref name="rows"/>.</summary>
    /// <param name="heads">Fits heads with class weights from <paramref name="rows"/>.</param>
    /// <param name="features">The rows' shared features, aligned with <paramref name="rows"/>.</param>
    /// <param name="rows">The training rows.</param>
    /// <param name="progress">Receives a report as each search starts.</param>
    public HeadPlan Plan(HeadFitter heads, FeatureMatrix features, IReadOnlyList<int> rows, IProgress<TrainingProgress>? progress)
    {
        var trainers = new Dictionary<string, TrainerSpec>(StringComparer.Ordinal);
        var searches = new Dictionary<string, SearchSummary>(StringComparer.Ordinal);
        foreach (var label in options.Labels)
        {
            var labels = heads.Labels[label];
            if (options.Search is null)
            {
                var trainer = options.Trainer ?? TrainerFactory.Default(labels.Kind);
                trainers[label] = options.ClassWeighting && labels.Kind != TaskKind.Regression
                    ? new TrainerSpec(trainer.Name, new Dictionary<string, double>(trainer.Parameters) { [TrainerFactory.ClassWeightingParameter] = 1 })
                    : trainer;
                continue;
            }

            progress?.Report(new TrainingProgress(1, 1, $"search the head of '{label}' on the shared features"));
            var summary = Search(labels, heads.Inputs[label], features, rows);
            trainers[label] = summary.BestTrainer;
            searches[label] = summary;
        }

        var stacking = new StackingDecider(options.Stacking, options.Seed, tasks, heads, cancellationToken).Decide(trainers, features, rows);
        return new HeadPlan(trainers, searches, stacking);
    }

    private SearchSummary Search(TaskLabels labels, HeadInput input, FeatureMatrix features, IReadOnlyList<int> rows)
    {
        var search = options.Search!;
        var metric = search.Budget.Metric is { } wanted && AutoMLMetrics.AppliesTo(wanted, labels.Kind) ? wanted : AutoMLMetrics.Default(labels.Kind);
        var counts = labels.Kind == TaskKind.Regression ? [] : rows.GroupBy(r => labels.ClassIndices[r]).Select(g => g.Count()).ToList();
        bool startWeighted = metric == AutoMLMetric.MacroF1 && counts.Count > 0 && counts.Max() > ImbalanceRatio * counts.Min();
        var standard = SearchSpaceCatalog.For(labels.Kind, rows.Count, tasks.TaskData[tasks.Main].Columns, options.Featurizer, startWeighted);
        var space = new SearchSpace(standard.Trainers, []);
        var (splits, description) = search.Evaluation.CreateSplits(tasks.TaskData[labels.Name].Select(rows), options.Seed);
        var runner = new SharedFeatureTrialRunner(labels, input, features, rows, splits, options.Seed);
        var experimentOptions = HeadSearchOptions.For(options, metric);
        ITuner tuner = search.Budget.Tuner == TunerKind.Random ? new RandomTuner(space, options.Seed) : new CfoTuner(space, options.Seed);
        var result = new AutoMLExperiment(mlContext, experimentOptions).Search(space, tuner, runner, metric, trials, cancellationToken);
        var best = result.Best ?? throw new InvalidOperationException(
            $"No trial completed for the head of '{labels.Name}' in {result.Trials.Count} trial(s)" +
            (result.Trials.FirstOrDefault(t => t.Message is not null) is { } failure ? $"; trial {failure.Number} ({failure.Configuration.Trainer.Name}): {failure.Message}" : "; give the search more time or trials."));
        return SearchSummaries.Create(experimentOptions, result, best, $"{description} on the shared features of the training rows", FeaturizerChoice.From(options.Featurizer));
    }
}
