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
    private const double ImbalanceRatio = 1.5;
    private const double StackingValidationFraction = 0.2;

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

        var run = new Run(this, options, mainName, data, trials, cancellationToken);
        var (splits, description) = options.Evaluation.CreateSplits(run.TaskData[mainName], options.Seed);
        int totalSteps = splits.Count + 1;
        int featurizerFits = 0;
        Plan? plan = null;
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
            run.UseWeightsOf(split.Train);
            var shared = SharedFeatures.Fit(run.Featurization, data.Select(split.Train), cancellationToken);
            featurizerFits++;
            var trainFeatures = shared.Transform(data.Select(split.Train));
            var testFeatures = shared.Transform(data.Select(split.Test));
            plan ??= run.MakePlan(trainFeatures, shared.Length, split.Train, progress);
            var heads = run.FitHeads(plan, trainFeatures, shared.Length, split.Train);
            foreach (var (task, metrics) in run.Score(heads, testFeatures, shared.Length, split.Test))
            {
                foldMetrics[task].Add(metrics);
            }

            if (options.CompareWithSeparateModels)
            {
                foreach (var label in options.Labels)
                {
                    progress?.Report(new TrainingProgress(i + 1, totalSteps, $"separate single-task model for '{label}' on the same split"));
                    var (trainer, metrics) = run.Separate(label, plan.Trainers[label], split);
                    separateMetrics[label].Add(metrics);
                    separateTrainers[label] = trainer;
                }
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(new TrainingProgress(totalSteps, totalSteps, $"refit: featurize all {data.RowCount:N0} rows once, fit {options.Labels.Count} heads"));
        var all = Enumerable.Range(0, data.RowCount).ToList();
        run.UseWeightsOf(all);
        var final = SharedFeatures.Fit(run.Featurization, data, cancellationToken);
        featurizerFits++;
        var features = final.Transform(data);
        plan ??= run.MakePlan(features, final.Length, all, progress);
        var finalHeads = run.FitHeads(plan, features, final.Length, all);
        var model = run.Assemble(final, finalHeads, features, all);

        var tasks = options.Labels.Select(label =>
        {
            var labels = run.Labels[label];
            return new TaskResult
            {
                Name = label,
                Task = labels.Kind,
                ClassLabels = labels.Classes,
                IsMain = label == mainName,
                Trainer = plan.Trainers[label],
                Search = plan.Searches.GetValueOrDefault(label),
                StackedInputs = label == mainName && plan.Stacking.Used ? run.Auxiliary : [],
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
            Featurization = run.Featurization,
            TrainingData = run.TaskData[mainName],
            EvaluationDescription = description,
            TrainingRows = data.RowCount,
            RowsWithoutEveryLabel = dropped,
            SharedFeaturizerFits = featurizerFits,
            Duration = stopwatch.Elapsed,
        };
    }

    /// <summary>The data set with <paramref name="target"/> as its label and every other label column ignored.</summary>
    internal static PostDataset Guarded(PostDataset data, IReadOnlyList<string> labels, string target)
    {
        var guarded = data;
        foreach (var label in labels.Where(l => l != target))
        {
            // Making a column the label demotes the previous label to Ignore, so after this loop every other label is ignored.
            guarded = guarded.WithLabel(label);
        }

        return guarded.WithLabel(target);
    }

    /// <summary>The trainer of every head and whether the main head stacks.</summary>
    private sealed record Plan(IReadOnlyDictionary<string, TrainerSpec> Trainers, IReadOnlyDictionary<string, SearchSummary> Searches, StackingDecision Stacking);

    /// <summary>Fitted heads over one set of rows.</summary>
    private sealed record FittedHeads(IReadOnlyDictionary<string, ITransformer> Heads, IReadOnlyDictionary<string, string> OutputColumns, bool Stacked);

    /// <summary>The state of one <see cref="Train"/> call.</summary>
    private sealed class Run
    {
        private readonly MultiTaskTrainer _owner;
        private readonly MultiTaskOptions _options;
        private readonly IProgress<TrialResult>? _trials;
        private readonly CancellationToken _cancellationToken;
        private readonly IReadOnlyDictionary<string, TaskLabels> _allLabels;

        public Run(MultiTaskTrainer owner, MultiTaskOptions options, string main, PostDataset data, IProgress<TrialResult>? trials, CancellationToken cancellationToken)
        {
            _owner = owner;
            _options = options;
            _trials = trials;
            _cancellationToken = cancellationToken;
            Main = main;
            Data = data;
            TaskData = options.Labels.ToDictionary(l => l, l => Guarded(data, options.Labels, l), StringComparer.Ordinal);
            _allLabels = options.Labels.ToDictionary(l => l, l => TaskLabels.From(TaskData[l]), StringComparer.Ordinal);
            Labels = _allLabels;
            Auxiliary = options.Labels.Where(l => l != main).ToList();
            AuxiliaryLength = Auxiliary.Sum(a => Labels[a].OutputLength);

            // Every label is ignored in the main task's columns, so the featurizer built from them reads no label.
            Featurization = CrossModalFeaturizer.Build(owner._mlContext, TaskData[main].Columns, options.Featurizer);
        }

        public string Main { get; }

        public PostDataset Data { get; }

        public IReadOnlyDictionary<string, PostDataset> TaskData { get; }

        /// <summary>Every task's labels, with class weights from the rows of the current fit (see <see cref="UseWeightsOf"/>).</summary>
        public IReadOnlyDictionary<string, TaskLabels> Labels { get; private set; }

        public IReadOnlyList<string> Auxiliary { get; }

        public int AuxiliaryLength { get; }

        public FeaturizationPipeline Featurization { get; }

        private MLContext Ml => _owner._mlContext;

        /// <summary>Makes the heads weigh classes by their frequency in <paramref name="rows"/>, the rows the next fits learn from.</summary>
        public void UseWeightsOf(IReadOnlyList<int> rows) =>
            Labels = _allLabels.ToDictionary(p => p.Key, p => p.Value.WithWeightsFrom(rows), StringComparer.Ordinal);

        public Plan MakePlan(VBuffer<float>[] features, int length, IReadOnlyList<int> rows, IProgress<TrainingProgress>? progress)
        {
            var trainers = new Dictionary<string, TrainerSpec>(StringComparer.Ordinal);
            var searches = new Dictionary<string, SearchSummary>(StringComparer.Ordinal);
            foreach (var label in _options.Labels)
            {
                var labels = Labels[label];
                if (_options.Search is null)
                {
                    var trainer = _options.Trainer ?? TrainerFactory.Default(labels.Kind);
                    trainers[label] = _options.ClassWeighting && labels.Kind != TaskKind.Regression
                        ? new TrainerSpec(trainer.Name, new Dictionary<string, double>(trainer.Parameters) { [TrainerFactory.ClassWeightingParameter] = 1 })
                        : trainer;
                    continue;
                }

                progress?.Report(new TrainingProgress(1, 1, $"search the head of '{label}' on the shared features"));
                var summary = SearchHead(labels, features, length, rows);
                trainers[label] = summary.BestTrainer;
                searches[label] = summary;
            }

            return new Plan(trainers, searches, DecideStacking(trainers, features, length, rows));
        }

        public FittedHeads FitHeads(Plan plan, VBuffer<float>[] features, int length, IReadOnlyList<int> rows)
        {
            var heads = new Dictionary<string, ITransformer>(StringComparer.Ordinal);
            var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var label in Auxiliary)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var view = HeadPipeline.View(Ml, Labels[label], features, length, rows, null, 0);
                heads[label] = HeadPipeline.Fit(Ml, Labels[label], plan.Trainers[label], view, stacked: false);
                outputs[label] = HeadPipeline.OutputColumn(Labels[label], heads[label].GetOutputSchema(view.Schema));
            }

            bool stacked = plan.Stacking.Used;
            var outOfFold = stacked ? OutOfFold(plan.Trainers, features, length, rows) : null;
            _cancellationToken.ThrowIfCancellationRequested();
            var mainView = HeadPipeline.View(Ml, Labels[Main], features, length, rows, outOfFold, AuxiliaryLength);
            heads[Main] = HeadPipeline.Fit(Ml, Labels[Main], plan.Trainers[Main], mainView, stacked);
            return new FittedHeads(heads, outputs, stacked);
        }

        public Dictionary<string, EvaluationMetrics> Score(FittedHeads heads, VBuffer<float>[] features, int length, IReadOnlyList<int> rows)
        {
            var metrics = new Dictionary<string, EvaluationMetrics>(StringComparer.Ordinal);
            var auxiliary = rows.Select(_ => new List<float>()).ToArray();
            foreach (var label in Auxiliary)
            {
                var scored = heads.Heads[label].Transform(HeadPipeline.View(Ml, Labels[label], features, length, rows, null, 0));
                metrics[label] = HeadPipeline.Evaluate(scored, Labels[label], rows);
                var outputs = HeadPipeline.ReadOutputs(scored, heads.OutputColumns[label], Labels[label].OutputLength);
                for (int i = 0; i < rows.Count; i++)
                {
                    auxiliary[i].AddRange(outputs[i]);
                }
            }

            var view = HeadPipeline.View(Ml, Labels[Main], features, length, rows, heads.Stacked ? auxiliary.Select(a => a.ToArray()).ToList() : null, AuxiliaryLength);
            metrics[Main] = HeadPipeline.Evaluate(heads.Heads[Main].Transform(view), Labels[Main], rows);
            return metrics;
        }

        /// <summary>Chains the featurizer and the heads into the saved model, fitting the small renaming steps on the way.</summary>
        public ITransformer Assemble(SharedFeatures shared, FittedHeads heads, VBuffer<float>[] features, IReadOnlyList<int> rows)
        {
            var transformers = new List<ITransformer> { shared.Transformer };
            IDataView current = HeadPipeline.View(Ml, Labels[Main], features, shared.Length, rows, null, 0);
            var gathered = new List<string>();
            foreach (var label in Auxiliary.Append(Main))
            {
                if (label == Main && heads.Stacked)
                {
                    var gatherer = HeadPipeline.Gatherer(Ml, gathered, current);
                    current = gatherer.Transform(current);
                    transformers.Add(gatherer);
                }

                var head = heads.Heads[label];
                var scored = head.Transform(current);
                var renamer = HeadPipeline.Renamer(Ml, Labels[label], scored);
                current = renamer.Transform(scored);
                transformers.Add(head);
                transformers.Add(renamer);
                if (label != Main)
                {
                    gathered.Add(TaskColumns.Prefix(label) + heads.OutputColumns[label]);
                }
            }

            return new TransformerChain<ITransformer>(transformers.ToArray());
        }

        /// <summary>A separate single-task model on the split: its own featurizer, the head's trainer (or its own search).</summary>
        public (TrainerSpec Trainer, EvaluationMetrics Metrics) Separate(string label, TrainerSpec headTrainer, DataSplit split)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var train = TaskData[label].Select(split.Train);
            var test = TaskData[label].Select(split.Test);
            ITransformer model;
            TrainerSpec trainer;
            if (_options.Search is null)
            {
                trainer = headTrainer;
                var result = new CrossModalTrainer(Ml).Train(
                    train,
                    new TrainingOptions { Trainer = trainer, Featurizer = _options.Featurizer, Seed = _options.Seed, Evaluation = { Strategy = EvaluationStrategy.None } },
                    cancellationToken: _cancellationToken);
                model = result.Model;
            }
            else
            {
                var search = new AutoMLExperiment(Ml, SearchOptions(_options.Search.Budget.Metric)).Run(train, _trials, _cancellationToken);
                trainer = search.Training.Trainer;
                model = search.Training.Model;
            }

            var metrics = new CrossModalTrainer(Ml).Evaluate(model, test);
            (model as IDisposable)?.Dispose();
            return (trainer, metrics);
        }

        private SearchSummary SearchHead(TaskLabels labels, VBuffer<float>[] features, int length, IReadOnlyList<int> rows)
        {
            var search = _options.Search!;
            var metric = search.Budget.Metric is { } wanted && AutoMLMetrics.AppliesTo(wanted, labels.Kind) ? wanted : AutoMLMetrics.Default(labels.Kind);
            var counts = labels.Kind == TaskKind.Regression ? [] : rows.GroupBy(r => labels.ClassIndices[r]).Select(g => g.Count()).ToList();
            bool startWeighted = metric == AutoMLMetric.MacroF1 && counts.Count > 0 && counts.Max() > ImbalanceRatio * counts.Min();
            var standard = SearchSpaceCatalog.For(labels.Kind, rows.Count, TaskData[Main].Columns, _options.Featurizer, startWeighted);
            var space = new SearchSpace(standard.Trainers, []);
            var (splits, description) = search.Evaluation.CreateSplits(TaskData[labels.Name].Select(rows), _options.Seed);
            var runner = new SharedFeatureTrialRunner(labels, features, length, rows, splits, _options.Seed);
            var experimentOptions = SearchOptions(metric);
            ITuner tuner = search.Budget.Tuner == TunerKind.Random ? new RandomTuner(space, _options.Seed) : new CfoTuner(space, _options.Seed);
            var result = new AutoMLExperiment(Ml, experimentOptions).Search(space, tuner, runner, metric, _trials, _cancellationToken);
            var best = result.Best ?? throw new InvalidOperationException(
                $"No trial completed for the head of '{labels.Name}' in {result.Trials.Count} trial(s)" +
                (result.Trials.FirstOrDefault(t => t.Message is not null) is { } failure ? $"; trial {failure.Number} ({failure.Configuration.Trainer.Name}): {failure.Message}" : "; give the search more time or trials."));
            return SearchSummaries.Create(experimentOptions, result, best, $"{description} on the shared features of the training rows", FeaturizerChoice.From(_options.Featurizer));
        }

        private AutoMLExperimentOptions SearchOptions(AutoMLMetric? metric)
        {
            var search = _options.Search!;
            return new AutoMLExperimentOptions
            {
                Budget = search.Budget with { Metric = metric },
                Seed = _options.Seed,
                Featurizer = _options.Featurizer,
                SearchFeaturizer = search.SearchFeaturizer,
                Evaluation = search.Evaluation,
            };
        }

        private StackingDecision DecideStacking(IReadOnlyDictionary<string, TrainerSpec> trainers, VBuffer<float>[] features, int length, IReadOnlyList<int> rows)
        {
            var mainLabels = Labels[Main];
            string metric = mainLabels.PrimaryMetricName;
            if (Auxiliary.Count == 0 || _options.Stacking == StackingMode.Off)
            {
                return new StackingDecision(_options.Stacking, false, metric, null, null, 0, "stacking is off: every head reads the shared features only");
            }

            _cancellationToken.ThrowIfCancellationRequested();
            var inner = DataSplitter.StratifiedHoldOut(mainLabels.TextsOf(rows), StackingValidationFraction, _options.Seed);
            var innerTrain = inner.Train.Select(p => rows[p]).ToList();
            var innerTest = inner.Test.Select(p => rows[p]).ToList();
            var trainFeatures = inner.Train.Select(p => features[p]).ToArray();
            var testFeatures = inner.Test.Select(p => features[p]).ToArray();
            var plain = FitHeads(new Plan(trainers, new Dictionary<string, SearchSummary>(), new StackingDecision(_options.Stacking, false, metric, null, null, 0, string.Empty)), trainFeatures, length, innerTrain);
            var stacked = plain with
            {
                Heads = new Dictionary<string, ITransformer>(plain.Heads)
                {
                    [Main] = HeadPipeline.Fit(
                        Ml, mainLabels, trainers[Main],
                        HeadPipeline.View(Ml, mainLabels, trainFeatures, length, innerTrain, OutOfFold(trainers, trainFeatures, length, innerTrain), AuxiliaryLength),
                        stacked: true),
                },
                Stacked = true,
            };
            double plainScore = Score(plain, testFeatures, length, innerTest)[Main].Primary;
            double stackedScore = Score(stacked, testFeatures, length, innerTest)[Main].Primary;
            bool better = mainLabels.Kind == TaskKind.Regression ? stackedScore < plainScore : stackedScore > plainScore;
            bool used = _options.Stacking == StackingMode.On || better;
            string comparison = FormattableString.Invariant($"{metric} {stackedScore:0.0000} stacked vs {plainScore:0.0000} plain on {innerTest.Count:N0} validation rows of the training data");
            string reason = _options.Stacking == StackingMode.On
                ? $"stacking was forced on ({comparison})"
                : better ? $"stacking helped: {comparison}" : $"stacking did not help: {comparison}; the main head reads the shared features only";
            return new StackingDecision(_options.Stacking, used, metric, plainScore, stackedScore, innerTest.Count, reason);
        }

        /// <summary>Each row's auxiliary outputs from heads that never saw the row: k-fold over the rows, stratified by the main label.</summary>
        private float[][] OutOfFold(IReadOnlyDictionary<string, TrainerSpec> trainers, VBuffer<float>[] features, int length, IReadOnlyList<int> rows)
        {
            var result = rows.Select(_ => new float[AuxiliaryLength]).ToArray();
            int folds = Math.Min(_options.OutOfFoldFolds, rows.Count);
            foreach (var fold in DataSplitter.KFold(Labels[Main].TextsOf(rows), folds, _options.Seed))
            {
                int offset = 0;
                foreach (var label in Auxiliary)
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                    var labels = Labels[label];
                    var trainView = HeadPipeline.View(Ml, labels, fold.Train.Select(p => features[p]).ToList(), length, fold.Train.Select(p => rows[p]).ToList(), null, 0);
                    var head = HeadPipeline.Fit(Ml, labels, trainers[label], trainView, stacked: false);
                    var testRows = fold.Test.Select(p => rows[p]).ToList();
                    var scored = head.Transform(HeadPipeline.View(Ml, labels, fold.Test.Select(p => features[p]).ToList(), length, testRows, null, 0));
                    var outputs = HeadPipeline.ReadOutputs(scored, HeadPipeline.OutputColumn(labels, scored.Schema), labels.OutputLength);
                    for (int i = 0; i < fold.Test.Count; i++)
                    {
                        Array.Copy(outputs[i], 0, result[fold.Test[i]], offset, labels.OutputLength);
                    }

                    offset += labels.OutputLength;
                }
            }

            return result;
        }
    }
}
