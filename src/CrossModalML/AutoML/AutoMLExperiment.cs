using System.Diagnostics;
using CrossModalML.Data;
using CrossModalML.Featurization;
using CrossModalML.Training;
using Microsoft.ML;
using CrossModalML.Evaluation;
using CrossModalML.Packaging;

namespace CrossModalML.AutoML;

/// <summary>Searches trainers, hyperparameters and featurizer settings for a data set, then refits the winner on all rows.</summary>
/// <remarks>
/// <para><b>Loop.</b> The tuner proposes a point; the runner prepares its featurizer choice (shared, untimed) and runs the
/// trial on a worker thread under <see cref="SearchBudget.TrialTimeLimit"/> (cut to the remaining
/// <see cref="SearchBudget.Time"/>, but never below twice the median completed trial); the result goes to the tuner and to <c>progress</c>. A trial that
/// throws is <see cref="TrialStatus.Failed"/>, one that overruns is <see cref="TrialStatus.TimedOut"/>; both are recorded
/// with their message and the search continues.</para>
/// <para><b>Budgets.</b> The search stops before starting a trial once <see cref="SearchBudget.MaxTrials"/> trials
/// ran, the time budget is used up or managed memory is over <see cref="SearchBudget.MemoryLimitBytes"/>. With
/// <see cref="AutoMLExperimentOptions.StartFromDefault"/> trial 1 is the single fit's configuration (and, with
/// <see cref="AutoMLExperimentOptions.StartWithBuiltInFeatures"/>, trial 2 the same on the built-in features), run without a
/// trial time limit and before the budget's clock starts. The first trial is exempt from the time budget (it keeps its own trial time limit): on a slow or loaded machine the first
/// featurization alone may outlast a short budget, and a search must still return a model. ML.NET fits cannot be interrupted, so an overrunning trial is abandoned, not
/// stopped: it finishes in the background while the search moves on. The budget therefore bounds when the search
/// returns (up to one featurization, which is not interruptible either), not the CPU it uses.</para>
/// <para><b>Reproducibility.</b> When <see cref="SearchBudget.MaxTrials"/> is set, the tuner is fed
/// deterministic cost estimates instead of wall times, so with a seed the same data gives the same leaderboard (unless a
/// trial times out, which depends on the machine).</para>
/// <para><b>Cancellation</b> ends the search at once (a running trial is abandoned and not recorded) and returns the best
/// trial so far; <see cref="Run"/> still refits that winner, which cannot be interrupted.</para>
/// <para>An instance may run several searches one after another; it is not thread-safe.</para>
/// </remarks>
public sealed class AutoMLExperiment
{
    private const double ImbalanceRatio = 1.5;

    private readonly MLContext _mlContext;
    private readonly AutoMLExperimentOptions _options;

    /// <summary>Creates an experiment.</summary>
    /// <param name="mlContext">The context the winner is refit in (trials use contexts of their own).</param>
    /// <param name="options">Budget, metric, tuner and featurizer settings; read when a search starts.</param>
    public AutoMLExperiment(MLContext mlContext, AutoMLExperimentOptions options)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(options);
        _mlContext = mlContext;
        _options = options;
    }

    /// <summary>Searches on labelled posts with the standard search space and the real trial runner, then refits the winner on all rows.</summary>
    /// <param name="data">Training posts with a label.</param>
    /// <param name="progress">Receives each trial as it starts (<see cref="TrialStatus.Running"/>) and as it ends.</param>
    /// <param name="cancellationToken">Ends the search early; the best trial so far is refit and returned.</param>
    /// <exception cref="ArgumentException">No label, no budget, or a metric that does not fit the task.</exception>
    /// <exception cref="InvalidOperationException">No trial completed (the message gives the first failure).</exception>
    /// <exception cref="OperationCanceledException">Cancelled before any trial completed.</exception>
    public AutoMLResult Run(PostDataset data, IProgress<TrialResult>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        _options.Validate();
        if (data.LabelColumn is null)
        {
            throw new ArgumentException($"The data set '{data.SourcePath}' has no label column; a search needs one.", nameof(data));
        }

        var task = data.Task;
        var metric = _options.Budget.Metric ?? AutoMLMetrics.Default(task);
        if (!AutoMLMetrics.AppliesTo(metric, task))
        {
            throw new ArgumentException($"Metric {metric} does not apply to a {task} task. " +
                (task == TaskKind.Regression ? "Use rmse, r2 or mae." : task == TaskKind.Binary ? "Use macro-f1, weighted-f1, acc-f1, accuracy, auc or log-loss." : "Use macro-f1, weighted-f1, acc-f1, accuracy or log-loss."));
        }

        var warnings = new List<string>();
        var counts = task == TaskKind.Regression ? [] : data.GetLabels().GroupBy(l => l).Select(g => g.Count()).ToList();
        bool imbalanced = counts.Count > 0 && counts.Max() > ImbalanceRatio * counts.Min();
        if (metric == AutoMLMetric.Accuracy && imbalanced)
        {
            warnings.Add($"The classes are imbalanced (largest {counts.Max()} vs smallest {counts.Min()} posts); accuracy rewards predicting the majority. Consider macro-f1.");
        }

        // On imbalanced classes scored by a class-averaged metric, balanced weights are the better place to start.
        bool startWeighted = imbalanced && metric is AutoMLMetric.MacroF1;
        var space = SearchSpaceCatalog.For(task, data.RowCount, data.Columns, _options.Featurizer, startWeighted);
        if (!_options.SearchFeaturizer)
        {
            space = new SearchSpace(space.Trainers, []);
        }

        var searchEvaluation = _options.SearchEvaluation();
        if (searchEvaluation.GroupFallbackWarning(data) is { } fallback)
        {
            warnings.Add(fallback);
        }

        ITuner tuner = _options.Budget.Tuner == TunerKind.Random ? new RandomTuner(space, _options.Seed) : new CfoTuner(space, _options.Seed);
        var starts = StartConfigurations(task, _options);
        var sizes = SuccessiveHalving.SampleSizes(data.RowCount, _options.TrialRowLimit, _options.SmallestSampleRows);
        CachedFeatureTrialRunner? runner = null;
        SearchResult search;
        var sampleEvaluations = new Dictionary<int, string>();
        if (sizes is [var rows] && rows == data.RowCount)
        {
            runner = new CachedFeatureTrialRunner(data, _options.Featurizer, searchEvaluation, _options.Seed, _options.Executor);
            search = Search(space, tuner, runner, metric, progress, cancellationToken, starts);
        }
        else
        {
            search = new SuccessiveHalving(_options, sample =>
            {
                var sampleRunner = new CachedFeatureTrialRunner(sample, _options.Featurizer, searchEvaluation, _options.Seed, _options.Executor);
                sampleEvaluations[sample.RowCount] = sampleRunner.EvaluationDescription;
                return sampleRunner;
            }).Run(data, sizes, space, tuner, metric, progress, cancellationToken, starts);
        }

        bool startKept = false;
        if (runner is not null)
        {
            var checkedSearch = StartKeeper.Apply(search, _options.StartMinimumStandardErrors, warnings);
            startKept = !ReferenceEquals(checkedSearch, search);
            search = checkedSearch;
        }

        var best = search.Best;
        if (best is null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var firstFailure = search.Trials.FirstOrDefault(t => t.Message is not null);
            throw new InvalidOperationException(
                $"No trial completed in {search.Trials.Count} trial(s)" +
                (firstFailure is null ? "; give the search more time or trials." : $"; trial {firstFailure.Number} ({firstFailure.Configuration.Trainer.Name}): {firstFailure.Message}"));
        }

        if (runner is null && _options.Ensemble)
        {
            warnings.Add("No ensemble: the trials ran on row samples (AutoMLExperimentOptions.TrialRowLimit), whose out-of-fold probabilities do not cover every row; the best trial is saved alone.");
        }

        var trialEvaluation = runner?.EvaluationDescription
            ?? $"{sampleEvaluations[best.SampleRows!.Value]}, on a sample of {best.SampleRows:N0} of {data.RowCount:N0} rows (successive halving over samples of {string.Join(", ", sizes.Select(s => s.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)))} rows)";
        if (startKept && _options.Ensemble)
        {
            // The trials' leads over the start were noise; an ensemble selected on the same out-of-fold rows would bring
            // them back.
            warnings.Add($"No ensemble: the search kept its starting configuration, trial {search.Best!.Number}, because no trial's lead over it held across the folds; it is saved alone.");
            runner = null;
        }

        return WinnerRefit.Refit(_mlContext, _options, data, search, trialEvaluation, runner, metric, warnings);
    }

    /// <summary>The configuration a single fit uses: the task's default trainer with ML.NET's default hyperparameters and the
    /// user's featurizer settings unchanged. A search evaluates it first (see <see cref="AutoMLExperimentOptions.StartFromDefault"/>).</summary>
    /// <param name="task">A resolved task.</param>
    /// <param name="featurizer">The user's featurizer options.</param>
    public static TrialConfiguration DefaultConfiguration(TaskKind task, FeaturizerOptions featurizer)
    {
        ArgumentNullException.ThrowIfNull(featurizer);
        return new TrialConfiguration(TrainerFactory.Default(task), FeaturizerChoice.From(featurizer));
    }

    /// <summary>The configurations a search scores before the tuner proposes anything: none without
    /// <see cref="AutoMLExperimentOptions.StartFromDefault"/>; else the single fit's configuration
    /// (<see cref="DefaultConfiguration"/>), followed, with <see cref="AutoMLExperimentOptions.StartWithBuiltInFeatures"/>
    /// and a featurizer that uses ResNet18 or a sentence encoder, by the same configuration on the built-in features.</summary>
    /// <param name="task">A resolved task.</param>
    /// <param name="options">The search settings.</param>
    internal static IReadOnlyList<TrialConfiguration> StartConfigurations(TaskKind task, AutoMLExperimentOptions options)
    {
        if (!options.StartFromDefault)
        {
            return [];
        }

        var single = DefaultConfiguration(task, options.Featurizer);
        var builtIn = single with
        {
            Featurizer = single.Featurizer with
            {
                ImageKind = single.Featurizer.ImageKind == ImageFeaturizerKind.ResNet18 ? ImageFeaturizerKind.BuiltIn : single.Featurizer.ImageKind,
                SentenceEncoder = SentenceEncoderKind.None,
            },
        };
        return options.StartWithBuiltInFeatures && builtIn != single ? [single, builtIn] : [single];
    }

    /// <summary>Runs the search loop with any space, tuner and runner (fakes included); does not refit.</summary>
    /// <param name="space">The search space the tuner proposes from.</param>
    /// <param name="tuner">The tuner; it is fed every finished trial.</param>
    /// <param name="runner">Evaluates configurations.</param>
    /// <param name="metric">The metric to optimise; read from each fold's metrics.</param>
    /// <param name="progress">Receives each trial as it starts and as it ends.</param>
    /// <param name="cancellationToken">Ends the search; the result holds the trials finished so far.</param>
    /// <param name="starts">Configurations evaluated in order as the first trials, before the tuner proposes anything (the
    /// single fit's configuration, so a search never ranks below it; see <see cref="StartConfigurations"/>); <c>null</c>
    /// for none. They run without a trial time limit, the time budget starts after the last of them, they count towards
    /// <see cref="SearchBudget.MaxTrials"/>, and they are not fed to the tuner.</param>
    /// <exception cref="ArgumentException">No budget is set.</exception>
    internal SearchResult Search(
        SearchSpace space,
        ITuner tuner,
        ITrialRunner runner,
        AutoMLMetric metric,
        IProgress<TrialResult>? progress = null,
        CancellationToken cancellationToken = default,
        IReadOnlyList<TrialConfiguration>? starts = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(tuner);
        ArgumentNullException.ThrowIfNull(runner);
        _options.Validate();
        var clock = Stopwatch.StartNew();

        // The budget clock starts after the starting configurations: they are the single fit every search must at least
        // match, so the budget is spent on the tuner's trials, not on them.
        starts ??= [];
        var budgetStart = TimeSpan.Zero;
        var trials = new List<TrialResult>();
        var stragglers = new List<Task>();
        double bestLoss = double.PositiveInfinity;
        SearchStopReason reason;
        while (true)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                reason = SearchStopReason.Cancelled;
                break;
            }

            if (trials.Count >= _options.Budget.MaxTrials)
            {
                reason = SearchStopReason.MaxTrials;
                break;
            }

            // The budget never stops the first trial or a starting configuration, so a search whose featurization alone
            // outlasts it still returns a model.
            if (_options.Budget.Time is { } budget && clock.Elapsed - budgetStart >= budget && trials.Count >= Math.Max(1, starts.Count))
            {
                reason = SearchStopReason.TimeBudget;
                break;
            }

            if (_options.Budget.MemoryLimitBytes is { } memoryLimit && OverMemoryLimit(memoryLimit))
            {
                reason = SearchStopReason.MemoryLimit;
                break;
            }

            bool fromTuner = trials.Count >= starts.Count;
            var configuration = fromTuner ? null : starts[trials.Count];
            var point = fromTuner ? tuner.Propose() : new SearchPoint(configuration!.Trainer.Name, configuration.Trainer.Parameters);
            configuration ??= TrialConfiguration.FromPoint(space, point, _options.Featurizer);
            var trial = new TrialResult
            {
                Number = trials.Count + 1, Point = point, Configuration = configuration, Status = TrialStatus.Running, Metric = metric, IsDefaultConfiguration = !fromTuner,
            };
            progress?.Report(trial);

            var outcome = TrialExecution.Prepare(runner, configuration, cancellationToken);
            if (outcome is null)
            {
                // A starting configuration has no time limit, as the single fit it stands for has none; the first tuner trial
                // keeps its own limit whatever featurization took: the search must have a winner to refit.
                var limit = fromTuner ? _options.Budget.TrialTimeLimit : TimeSpan.MaxValue;
                if (fromTuner && _options.Budget.Time is { } total && trials.Count > 0)
                {
                    var remaining = total - (clock.Elapsed - budgetStart);
                    if (remaining <= TimeSpan.Zero)
                    {
                        // Featurization used up the budget: the proposal is dropped rather than recorded as a timeout it never had a chance to avoid.
                        reason = SearchStopReason.TimeBudget;
                        break;
                    }

                    limit = BudgetedTrialLimit(_options.Budget.TrialTimeLimit, remaining, trials);
                }

                outcome = TrialExecution.Run(runner, configuration, limit, _options.Budget.TrialMemoryLimitBytes, cancellationToken, limit < _options.Budget.TrialTimeLimit, stragglers);
                if (outcome.Abandoned is { } abandoned)
                {
                    stragglers.Add(abandoned.ContinueWith(_ => { }, TaskScheduler.Default));
                }
            }

            if (outcome.Status == TrialStatus.Running)
            {
                reason = SearchStopReason.Cancelled;
                break;
            }

            trial = outcome.Score(trial, metric, bestLoss, _options.Budget.MaxTrials is not null ? EstimateCost(space, point) : null);
            bestLoss = Math.Min(bestLoss, trial.Loss);
            trials.Add(trial);
            if (fromTuner)
            {
                tuner.Update(trial);
            }
            else
            {
                budgetStart = clock.Elapsed;
            }

            progress?.Report(trial);
        }

        return new SearchResult
        {
            Metric = metric,
            Trials = trials,
            Leaderboard = Leaderboard.Rank(trials),
            StopReason = reason,
            Elapsed = clock.Elapsed,
            AbandonedTrialsStopped = Task.WhenAll(stragglers),
        };
    }

    /// <summary>The time limit of a trial that starts with <paramref name="remaining"/> of the budget left.</summary>
    /// <remarks>Cutting every trial to the remaining budget dooms the last one: on 3,000 posts a 60 s search gave its last
    /// trial 1.9 s although a trial took 5–10 s, and recorded a timeout that said nothing about the configuration. A trial
    /// that starts inside the budget may therefore run as long as twice the median completed trial took, past the end of the
    /// budget if need be, and never longer than the trial time limit. The search thus ends within about two typical trials
    /// of its budget.</remarks>
    internal static TimeSpan BudgetedTrialLimit(TimeSpan trialTimeLimit, TimeSpan remaining, IReadOnlyList<TrialResult> finished)
    {
        var durations = finished.Where(t => t.Status == TrialStatus.Completed).Select(t => t.Duration).Order().ToList();
        var typical = durations.Count == 0 ? TimeSpan.Zero : durations[durations.Count / 2] * 2;
        var limit = remaining > typical ? remaining : typical;
        return limit < trialTimeLimit ? limit : trialTimeLimit;
    }

    /// <summary>The deterministic cost of a point; a first configuration whose trainer the space lacks counts as one start fit.</summary>
    private static double EstimateCost(SearchSpace space, SearchPoint point) =>
        space.Trainers.Any(t => t.TrainerName == point.TrainerName) ? space.EstimateCost(point) : 1;

    /// <summary>Whether the managed heap is above the limit; a quick reading first, a full collection only to confirm.</summary>
    internal static bool OverMemoryLimit(long limit) =>
        GC.GetTotalMemory(forceFullCollection: false) > limit && GC.GetTotalMemory(forceFullCollection: true) > limit;
}
