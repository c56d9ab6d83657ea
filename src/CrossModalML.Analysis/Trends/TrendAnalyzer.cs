using CrossModalML.AutoML;
using CrossModalML.Data;
using CrossModalML.Featurization;
using CrossModalML.Training;
using Microsoft.ML;
using CrossModalML.Evaluation;
using CrossModalML.Packaging;

namespace CrossModalML.Analysis.Trends;

/// <summary>Trend prediction over posts: buckets them by window and topic, picks a regression trainer (the default, or an
/// AutoML search when given a budget), back-tests it with a rolling origin against naive forecasts, forecasts the next
/// window and flags emerging topics.</summary>
/// <remarks>
/// <para>Steps: (1) <see cref="TrendTable.Build"/>; (2) with <see cref="TrendOptions.TimeBudget"/> or
/// <see cref="TrendOptions.MaxTrials"/>, an AutoML search over the regression trainers on the windows before the first
/// back-test origin (three time-ordered folds in the last quarter of those windows, each trained on every window before
/// it; scored by MAE); (3)
/// <see cref="TrendBackTester.Run"/> with the chosen trainer; (4) a fit on every window and a forecast of the next one;
/// (5) the emerging rule of <see cref="TrendOptions"/> at the latest window, and on observed counts at every window
/// (<see cref="TrendAnalysis.History"/>).</para>
/// <para>Deterministic for a seed when no time budget is set. Stateless and thread-safe.</para>
/// </remarks>
public static class TrendAnalyzer
{
    /// <summary>Analyses posts.</summary>
    /// <param name="data">Posts with a timestamp column.</param>
    /// <param name="options">Settings; <see langword="null"/> for the defaults.</param>
    /// <param name="clusterIds">One cluster id per row for <see cref="TrendTopicSource.Cluster"/>; <see langword="null"/> otherwise.</param>
    /// <param name="progress">Receives a line per step, search trial and back-test origin.</param>
    /// <param name="cancellationToken">Stops the search and the back-test between fits.</param>
    /// <exception cref="PostDataException">No timestamp column, an unreadable timestamp (file, line, column and value are
    /// named), no topic with enough posts, or too few windows (fewer than <see cref="TrendOptions.MinimumTrainingWindows"/> + 1).</exception>
    public static TrendAnalysis Analyze(PostDataset data, TrendOptions? options = null, IReadOnlyList<string?>? clusterIds = null, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new TrendOptions();
        var table = TrendTable.Build(data, options, clusterIds);
        progress?.Report($"{table.TopicCount} topics over {table.WindowCount} {options.Window.ToString().ToLowerInvariant()} windows ({table.WindowStarts[0]:yyyy-MM-dd} to {table.WindowStarts[^1]:yyyy-MM-dd})");
        return Analyze(table, options, progress, cancellationToken);
    }

    /// <summary>Analyses a table of counts.</summary>
    /// <param name="table">The counts.</param>
    /// <param name="options">Settings; <see langword="null"/> for the defaults. Window and topic settings were used when the table was built.</param>
    /// <param name="progress">Receives a line per step, search trial and back-test origin.</param>
    /// <param name="cancellationToken">Stops the search and the back-test between fits.</param>
    /// <exception cref="PostDataException">Too few windows (fewer than <see cref="TrendOptions.MinimumTrainingWindows"/> + 1).</exception>
    /// <exception cref="InvalidOperationException">A search was asked for but no trial completed.</exception>
    public static TrendAnalysis Analyze(TrendTable table, TrendOptions? options = null, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        options ??= new TrendOptions();
        options.Validate();
        if (table.WindowCount < options.MinimumTrainingWindows + 1)
        {
            throw new PostDataException(
                $"The posts span only {table.WindowCount} {table.Window.ToString().ToLowerInvariant()} window(s) ({table.WindowStarts[0]:yyyy-MM-dd HH:mm} to {table.WindowStarts[^1]:yyyy-MM-dd HH:mm} UTC); " +
                $"trend forecasting needs at least {options.MinimumTrainingWindows + 1} (MinimumTrainingWindows + 1). Use a shorter TrendOptions.Window, more posts, or lower TrendOptions.MinimumTrainingWindows.");
        }

        var origins = TrendBackTester.Origins(table, options);
        SearchResult? search = null;
        var trainer = options.Trainer ?? TrendOptions.DefaultTrainer;
        if (options.TimeBudget is not null || options.MaxTrials is not null)
        {
            (trainer, search) = SearchTrainer(table, options, origins.Count > 0 ? origins[0] : table.WindowCount, progress, cancellationToken);
        }

        TrendBackTest? backTest = null;
        if (origins.Count > 0)
        {
            progress?.Report($"back-testing {trainer} at {origins.Count} origins");
            backTest = TrendBackTester.Run(table, options, trainer, progress, cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var forecaster = TrendForecaster.Fit(table, options, trainer);
        var forecasts = forecaster.Forecast(table, table.WindowCount);
        int latest = table.WindowCount - 1;
        var topics = new List<TopicTrend>();
        for (int topic = 0; topic < table.TopicCount; topic++)
        {
            int last = table.Count(topic, latest);
            double baseline = Baseline(table, topic, latest, options);
            double forecast = double.IsNaN(forecasts[topic]) ? 0 : forecasts[topic];
            var (score, emerging) = Emerging(Math.Max(last, forecast), baseline, options);
            var firstSeen = table.FirstSeen[topic] >= 0 ? table.WindowStarts[table.FirstSeen[topic]] : table.WindowStarts[0];
            topics.Add(new TopicTrend(table.Topics[topic], table.TopicPosts[topic], firstSeen, last, baseline, forecast, score, emerging));
        }

        return new TrendAnalysis
        {
            Table = table,
            Trainer = trainer,
            Search = search,
            BackTest = backTest,
            Forecaster = forecaster,
            NextWindowStart = TrendTable.NextWindowStart(table.WindowStarts[latest], table.Window),
            Topics = topics,
            Rule = new EmergingRule(options.EmergingScoreThreshold, options.EmergingMinimumCount, options.EmergingMinimumRatio, options.BaselineWindows),
            History = History(table, options),
        };
    }

    /// <summary>A topic's baseline at a window: its mean over the <see cref="TrendOptions.BaselineWindows"/> windows before it.</summary>
    private static double Baseline(TrendTable table, int topic, int window, TrendOptions options) =>
        window == 0 ? 0 : TrendFeatures.Mean(table, topic, window - 1, options.BaselineWindows);

    private static (double Score, bool Emerging) Emerging(double level, double baseline, TrendOptions options)
    {
        double score = (level - baseline) / Math.Sqrt(baseline + 1);
        return (score, score >= options.EmergingScoreThreshold && level >= options.EmergingMinimumCount && level >= options.EmergingMinimumRatio * baseline);
    }

    private static IReadOnlyList<EmergenceEvent> History(TrendTable table, TrendOptions options)
    {
        var events = new List<EmergenceEvent>();
        for (int topic = 0; topic < table.TopicCount; topic++)
        {
            int first = -1, flagged = 0, best = -1;
            double bestScore = double.NegativeInfinity;
            // Windows before a full baseline exists would compare a count with almost no history.
            for (int w = options.BaselineWindows; w < table.WindowCount; w++)
            {
                var (score, emerging) = Emerging(table.Count(topic, w), Baseline(table, topic, w, options), options);
                if (!emerging)
                {
                    continue;
                }

                first = first < 0 ? w : first;
                flagged++;
                if (score > bestScore)
                {
                    (bestScore, best) = (score, w);
                }
            }

            if (first >= 0)
            {
                var series = table.Series(topic);
                int peak = series.ToList().IndexOf(series.Max());
                events.Add(new EmergenceEvent(table.Topics[topic], table.WindowStarts[first], flagged, bestScore, table.WindowStarts[best], series[peak], table.WindowStarts[peak]));
            }
        }

        return events.OrderByDescending(e => e.MaxScore).ThenBy(e => e.Topic, StringComparer.Ordinal).ToList();
    }

    private const int SearchFolds = 3;

    private static (TrainerSpec Trainer, SearchResult Search) SearchTrainer(TrendTable table, TrendOptions options, int searchWindows, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        // Three time-ordered folds over the last quarter of the windows before the back-test: each validates on one block
        // and trains on every target before it, so a trainer has to do well on three different stretches, not one.
        int block = Math.Max(1, searchWindows / 4 / SearchFolds);
        var folds = new List<(List<TrendExample> Training, List<TrendExample> Validation)>();
        for (int fold = SearchFolds; fold >= 1; fold--)
        {
            int validationStart = searchWindows - fold * block;
            if (validationStart < 2)
            {
                continue;
            }

            var training = TrendExamples.ForTargets(table, options, 1, validationStart);
            var validation = TrendExamples.ForTargets(table, options, validationStart, validationStart + block);
            if (training.Count > 0 && validation.Count > 0)
            {
                folds.Add((training, validation));
            }
        }

        if (folds.Count == 0)
        {
            throw new PostDataException(
                $"An AutoML search needs windows to train and validate on before the back-test; only {searchWindows} window(s) precede it. " +
                "Drop the search budget, use a shorter window, or lower BackTestWindows.");
        }

        var budget = options.TimeBudget;
        var experimentOptions = new AutoMLExperimentOptions
        {
            Budget = new SearchBudget
            {
                Time = budget,
                MaxTrials = options.MaxTrials,
                Metric = AutoMLMetric.Mae,
                TrialTimeLimit = budget is { } b && b < TimeSpan.FromMinutes(2) ? b : TimeSpan.FromMinutes(2),
            },
            Seed = options.Seed,
            SearchFeaturizer = false,
        };
        var space = new SearchSpace(SearchSpaceCatalog.For(TaskKind.Regression, folds[0].Training.Count, [], new FeaturizerOptions()).Trainers, []);
        var runner = new TrendTrialRunner(folds, TrendForecaster.Schema(options), options.Seed);
        progress?.Report($"AutoML search over regression trainers on the windows before {table.WindowStarts[Math.Min(searchWindows, table.WindowCount - 1)]:yyyy-MM-dd HH:mm}: {folds.Count} time-ordered folds of {block} window(s), {folds[^1].Training.Count} training rows in the last");
        var trialProgress = progress is null ? null : new TrialLines(progress);
        var result = new AutoMLExperiment(new MLContext(options.Seed), experimentOptions)
            .Search(space, new CfoTuner(space, options.Seed), runner, AutoMLMetric.Mae, trialProgress, cancellationToken);
        var best = result.Best;
        if (best is null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var failure = result.Trials.FirstOrDefault(t => t.Message is not null);
            throw new InvalidOperationException(
                $"No trial of the trend search completed in {result.Trials.Count} trial(s)" + (failure is null ? "; give it more time." : $": {failure.Message}"));
        }

        progress?.Report($"search chose {best.Configuration.Trainer} (mean validation MAE {best.Score:0.###} over {folds.Count} folds, {result.Trials.Count} trials)");
        return (best.Configuration.Trainer, result);
    }

    /// <summary>Turns finished trials into progress lines, on the caller's thread.</summary>
    private sealed class TrialLines(IProgress<string> lines) : IProgress<TrialResult>
    {
        public void Report(TrialResult value)
        {
            // A search runs hundreds of cheap trials; new bests and failures are the lines worth reading.
            if (value.IsNewBest || value.Status is TrialStatus.Failed or TrialStatus.TimedOut)
            {
                lines.Report($"trial {value.Number}: {value.Configuration.Trainer} {value.Status}{(value.Status == TrialStatus.Completed ? $" MAE {value.Score:0.###}" : $" ({value.Message})")}");
            }
        }
    }
}
