using System.Diagnostics;
using CrossModalML.AutoML;
using CrossModalML.Data;
using CrossModalML.Featurization;
using Microsoft.ML;
using Microsoft.ML.Data;
using CrossModalML.Packaging;
using CrossModalML.Evaluation;
using CrossModalML.Training;

namespace CrossModalML.MultiTask;

/// <summary>Trains one model for several labels of the same posts: one shared featurization, one head per task, and
/// optionally a main head that also reads the other tasks' predictions (stacking).</summary>
/// <remarks>
/// <para><b>Shared featurization.</b> The featurizer is fitted once per fit (once per evaluation split, once for the final
/// model) and its output kept in memory; every head trains on that cache, so images are decoded and texts tokenised once
/// however many tasks there are. The featurizer is unsupervised, so it is the same for every task.</para>
/// <para><b>Leak guard.</b> Every label column is kept out of the features, for every task: a post's <c>topic</c> never
/// helps predict its <c>sentiment</c> head, and never predicts itself. Rows that lack any of the labels are left out.</para>
/// <para><b>Modalities.</b> With <see cref="MultiTaskOptions.HeadModalities"/> a head reads only its modalities' blocks
/// of the shared features (a text head on the text, an image head on the image), in every fit, search, stacking fold and
/// in the saved model; a task not named reads every block.</para>
/// <para><b>Heads.</b> Each head's trainer is <see cref="MultiTaskOptions.Trainer"/> (or the task's default) or, with
/// <see cref="MultiTaskOptions.Search"/>, the winner of an AutoML search over trainers and hyperparameters on the shared
/// features of the training rows.</para>
/// <para><b>Stacking.</b> The main head may read the auxiliary heads' outputs besides the features. It learns from
/// out-of-fold predictions (<see cref="MultiTaskOptions.OutOfFoldFolds"/>), so it never sees an auxiliary score of a row
/// that the auxiliary head was trained on; at prediction time it reads the auxiliary heads' real outputs. In
/// <see cref="StackingMode.Auto"/> it is used only when it scores better than the plain head on a stratified 20%
/// validation part of the training rows.</para>
/// <para><b>Evaluation.</b> Splits are stratified by the main label. Trainer choices and the stacking decision are made
/// once, on the first split's training rows, and reused for every split and the final refit, so the test rows never
/// influence them. With <see cref="MultiTaskOptions.CompareWithSeparateModels"/>, each task is also fitted as a separate
/// single-task model (its own featurizer, the same trainer, or its own search) on the same split.</para>
/// <para>Deterministic for a given seed (searches bounded by trial count). Not thread-safe; use one instance per run.
/// Cancellation is checked between fits and throws <see cref="OperationCanceledException"/>.</para>
/// </remarks>
public sealed class MultiTaskTrainer
{
    private readonly MLContext _mlContext;

    /// <summary>Creates a trainer that fits in <paramref name="mlContext"/>.</summary>
    /// <param name="mlContext">The context; its seed should match <see cref="MultiTaskOptions.Seed"/>.</param>
    public MultiTaskTrainer(MLContext mlContext)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        _mlContext = mlContext;
        CrossModalRegistration.Register(mlContext);
    }

    /// <summary>Evaluates and fits a multi-task model.</summary>
    /// <param name="data">The posts, with every label column (loaded with any of them, or none, as the label).</param>
    /// <param name="options">Tasks, featurizer, head and evaluation settings.</param>
    /// <param name="progress">Receives a report as each step starts.</param>
    /// <param name="trials">Receives every search trial, when heads are searched.</param>
    /// <param name="cancellationToken">Stops the run between fits.</param>
    /// <exception cref="ArgumentException">Fewer than two labels, a label that is not a column, or options that do not fit the data.</exception>
    /// <exception cref="PostDataException">A label column has a single class, or a non-numeric regression label.</exception>
    public MultiTaskResult Train(
        PostDataset data,
        MultiTaskOptions options,
        IProgress<TrainingProgress>? progress = null,
        IProgress<TrialResult>? trials = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var stopwatch = Stopwatch.StartNew();
        var mainName = options.ResolveMainTask();
        var labelValues = options.Labels.Select(data.GetColumnValues).ToList();
        var complete = Enumerable.Range(0, data.RowCount)
            .Where(row => labelValues.All(values => !string.IsNullOrWhiteSpace(values[row])))
            .ToList();
        int dropped = data.RowCount - complete.Count;
        if (dropped > 0)
        {
            data = data.Select(complete);
        }

        var taskSet = new TaskSet(_mlContext, options, mainName, data);
        var planner = new HeadPlanner(_mlContext, options, taskSet, trials, cancellationToken);
        var separate = new SeparateModels(_mlContext, options, taskSet, trials, cancellationToken);
        var (splits, description) = options.Evaluation.CreateSplits(taskSet.TaskData[mainName], options.Seed);
        int totalSteps = splits.Count + 1;
        int featurizerFits = 0;
        HeadPlan? plan = null;
        var foldMetrics = options.Labels.ToDictionary(l => l, _ => new List<EvaluationMetrics>(), StringComparer.Ordinal);
        var separateMetrics = options.Labels.ToDictionary(l => l, _ => new List<EvaluationMetrics>(), StringComparer.Ordinal);
        var separateTrainers = new Dictionary<string, TrainerSpec>(StringComparer.Ordinal);
        for (int i = 0; i < splits.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var split = splits[i];
            progress?.Report(new TrainingProgress(i + 1, totalSteps, splits.Count == 1
                ? $"featurize {split.Train.Count:N0} training rows once, fit {options.Labels.Count} heads, evaluate on {split.Test.Count:N0}"
                : $"fold {i + 1} of {splits.Count}: featurize once, fit {options.Labels.Count} heads on {split.Train.Count:N0} rows"));
            var shared = SharedFeatures.Fit(taskSet.Featurization, data.Select(split.Train), cancellationToken);
            var heads = Heads(taskSet, options, split.Train, shared, cancellationToken);
            featurizerFits++;
            var trainFeatures = shared.Transform(data.Select(split.Train));
            var testFeatures = shared.Transform(data.Select(split.Test));
            plan ??= planner.Plan(heads, trainFeatures, split.Train, progress);
            var fitted = heads.Fit(plan.Trainers, plan.Stacking.Used, trainFeatures, split.Train);
            foreach (var (task, metrics) in heads.Score(fitted, testFeatures, split.Test))
            {
                foldMetrics[task].Add(metrics);
            }

            if (options.CompareWithSeparateModels)
            {
                foreach (var label in options.Labels)
                {
                    progress?.Report(new TrainingProgress(i + 1, totalSteps, $"separate single-task model for '{label}' on the same split"));
                    var (trainer, metrics) = separate.FitAndScore(label, plan.Trainers[label], split);
                    separateMetrics[label].Add(metrics);
                    separateTrainers[label] = trainer;
                }
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(new TrainingProgress(totalSteps, totalSteps, $"refit: featurize all {data.RowCount:N0} rows once, fit {options.Labels.Count} heads"));
        var all = Enumerable.Range(0, data.RowCount).ToList();
        var final = SharedFeatures.Fit(taskSet.Featurization, data, cancellationToken);
        var finalHeads = Heads(taskSet, options, all, final, cancellationToken);
        featurizerFits++;
        var features = final.Transform(data);
        plan ??= planner.Plan(finalHeads, features, all, progress);
        var finalFitted = finalHeads.Fit(plan.Trainers, plan.Stacking.Used, features, all);
        var model = MultiTaskChain.Build(_mlContext, taskSet, finalHeads, final, finalFitted, data);

        var tasks = options.Labels.Select(label =>
        {
            var labels = finalHeads.Labels[label];
            return new TaskResult
            {
                Name = label,
                Task = labels.Kind,
                ClassLabels = labels.Classes,
                IsMain = label == mainName,
                Trainer = plan.Trainers[label],
                Search = plan.Searches.GetValueOrDefault(label),
                Modalities = finalHeads.Inputs[label].Modalities,
                ReadsSomeModalities = !finalHeads.Inputs[label].ReadsEverySlot,
                StackedInputs = label == mainName && plan.Stacking.Used ? taskSet.Auxiliary : [],
                Metrics = foldMetrics[label].Count == 0 ? null : MetricsCalculator.Average(foldMetrics[label]),
                SeparateMetrics = separateMetrics[label].Count == 0 ? null : MetricsCalculator.Average(separateMetrics[label]),
                SeparateTrainer = separateTrainers.GetValueOrDefault(label),
            };
        }).ToList();
        return new MultiTaskResult
        {
            Model = model,
            MainTask = mainName,
            Tasks = tasks,
            Stacking = plan.Stacking,
            Featurization = taskSet.Featurization,
            TrainingData = taskSet.TaskData[mainName],
            EvaluationDescription = description,
            TrainingRows = data.RowCount,
            RowsWithoutEveryLabel = dropped,
            SharedFeaturizerFits = featurizerFits,
            Duration = stopwatch.Elapsed,
        };
    }

    /// <summary>Fits heads with class weights from <paramref name="rows"/>, the rows the next fits learn from, each on its
    /// modalities' slots of <paramref name="shared"/>.</summary>
    private HeadFitter Heads(TaskSet tasks, MultiTaskOptions options, IReadOnlyList<int> rows, SharedFeatures shared, CancellationToken cancellationToken) =>
        new(_mlContext, tasks, tasks.WeightedBy(rows), tasks.InputsOf(shared.Layout), options.OutOfFoldFolds, options.Seed, cancellationToken);
}
