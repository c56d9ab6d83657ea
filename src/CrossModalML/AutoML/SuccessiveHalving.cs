using System.Diagnostics;
using CrossModalML.Data;
using CrossModalML.Evaluation;
using CrossModalML.Packaging;

namespace CrossModalML.AutoML;

/// <summary>Runs a search on growing row samples: the tuner's trials on the smallest sample, then the best third of each
/// sample's completed trials again on a sample three times larger (see <see cref="AutoMLExperimentOptions.TrialRowLimit"/>).</summary>
/// <remarks>
/// <para>Each sample is the first rows of one seeded shuffle, kept in file order, so a larger sample contains the smaller
/// ones. Each sample has a trial runner of its own, created when its rung starts and dropped when the next one starts,
/// so only one sample's cached features are held at a time.</para>
/// <para>Every trial is still one configuration run by an <see cref="ITrialRunner"/> into a <see cref="TrialResult"/>
/// (with <see cref="TrialResult.SampleRows"/> set); the first rung is <see cref="AutoMLExperiment.Search"/> itself, the
/// later rungs re-run finished configurations through the same trial execution.</para>
/// </remarks>
internal sealed class SuccessiveHalving(AutoMLExperimentOptions options, Func<PostDataset, ITrialRunner> createRunner)
{
    /// <summary>How much each sample grows, and what share of a rung's trials moves up: one in <c>Reduction</c>.</summary>
    internal const int Reduction = 3;

    /// <summary>The row counts of the samples, smallest first; one entry equal to <paramref name="rowCount"/> means the
    /// search does not sample.</summary>
    /// <param name="rowCount">Rows of the training data.</param>
    /// <param name="trialRowLimit">The largest sample.</param>
    /// <param name="smallestSampleRows">No sample is smaller than this, except a largest sample that already is.</param>
    public static IReadOnlyList<int> SampleSizes(int rowCount, int trialRowLimit, int smallestSampleRows)
    {
        var sizes = new List<int> { Math.Min(rowCount, trialRowLimit) };
        while (sizes[^1] / Reduction >= smallestSampleRows)
        {
            sizes.Add(sizes[^1] / Reduction);
        }

        sizes.Reverse();
        return sizes;
    }

    /// <summary>Searches on the samples of <paramref name="data"/>; does not refit.</summary>
    /// <param name="data">The training posts.</param>
    /// <param name="sizes">The samples' row counts, from <see cref="SampleSizes"/>.</param>
    /// <param name="space">The search space.</param>
    /// <param name="tuner">The tuner; it is fed the first sample's trials only.</param>
    /// <param name="metric">The metric to optimise.</param>
    /// <param name="progress">Receives each trial as it starts and as it ends.</param>
    /// <param name="cancellationToken">Ends the search; the result holds the trials finished so far.</param>
    /// <param name="starts">The starting configurations, as <see cref="AutoMLExperiment.Search"/> takes them; <c>null</c> for none.</param>
    public SearchResult Run(
        PostDataset data,
        IReadOnlyList<int> sizes,
        SearchSpace space,
        ITuner tuner,
        AutoMLMetric metric,
        IProgress<TrialResult>? progress,
        CancellationToken cancellationToken,
        IReadOnlyList<TrialConfiguration>? starts)
    {
        var clock = Stopwatch.StartNew();
        var order = Shuffle(data.RowCount, options.Seed);
        var share = options.Budget.Time / sizes.Count;
        var firstRungOptions = options.WithBudget(options.Budget with { Time = share });
        var runner = createRunner(Sample(data, order, sizes[0]));
        var firstRung = new AutoMLExperiment(new Microsoft.ML.MLContext(options.Seed), firstRungOptions)
            .Search(space, tuner, runner, metric, new SampleProgress(progress, sizes[0]), cancellationToken, starts);
        var trials = firstRung.Trials.Select(t => t with { SampleRows = sizes[0] }).ToList();
        var stragglers = new List<Task> { firstRung.AbandonedTrialsStopped };
        var reason = firstRung.StopReason;

        // The first rung's budget clock starts after trial 1; the later rungs' shares are counted from the end of the first.
        var laterRungsStart = clock.Elapsed;
        var rung = trials;
        for (int k = 1; k < sizes.Count && reason != SearchStopReason.Cancelled; k++)
        {
            var promoted = Leaderboard.Rank(rung).Where(t => t.Status == TrialStatus.Completed).ToList();
            promoted = promoted.Take((promoted.Count + Reduction - 1) / Reduction).ToList();
            if (promoted.Count < 2)
            {
                break;
            }

            // The smaller sample's runner is let go here, before the larger sample's features are computed on first use.
            runner = createRunner(Sample(data, order, sizes[k]));
            var deadline = share is { } perRung ? laterRungsStart + perRung * k : (TimeSpan?)null;
            rung = [];
            double bestLoss = double.PositiveInfinity;
            foreach (var candidate in promoted)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    reason = SearchStopReason.Cancelled;
                    break;
                }

                if (deadline is { } end && clock.Elapsed >= end)
                {
                    reason = SearchStopReason.TimeBudget;
                    break;
                }

                if (options.Budget.MemoryLimitBytes is { } memoryLimit && AutoMLExperiment.OverMemoryLimit(memoryLimit))
                {
                    reason = SearchStopReason.MemoryLimit;
                    break;
                }

                var trial = new TrialResult
                {
                    Number = trials.Count + 1,
                    Point = candidate.Point,
                    Configuration = candidate.Configuration,
                    Status = TrialStatus.Running,
                    Metric = metric,
                    SampleRows = sizes[k],
                };
                progress?.Report(trial);
                var limit = deadline is { } due ? AutoMLExperiment.BudgetedTrialLimit(options.Budget.TrialTimeLimit, due - clock.Elapsed, rung) : options.Budget.TrialTimeLimit;
                var outcome = TrialExecution.Prepare(runner, candidate.Configuration, cancellationToken)
                    ?? TrialExecution.Run(runner, candidate.Configuration, limit, options.Budget.TrialMemoryLimitBytes, cancellationToken, limit < options.Budget.TrialTimeLimit, stragglers);
                if (outcome.Abandoned is { } abandoned)
                {
                    stragglers.Add(abandoned.ContinueWith(_ => { }, TaskScheduler.Default));
                }

                if (outcome.Status == TrialStatus.Running)
                {
                    reason = SearchStopReason.Cancelled;
                    break;
                }

                trial = outcome.Score(trial, metric, bestLoss, estimatedCost: null);
                bestLoss = Math.Min(bestLoss, trial.Loss);
                rung.Add(trial);
                trials.Add(trial);
                progress?.Report(trial);
            }
        }

        return firstRung with
        {
            Trials = trials,
            Leaderboard = Leaderboard.Rank(trials),
            StopReason = reason,
            Elapsed = clock.Elapsed,
            AbandonedTrialsStopped = Task.WhenAll(stragglers),
        };
    }

    /// <summary>Every row index in a seeded random order; a sample of n rows is the first n of it.</summary>
    private static int[] Shuffle(int rowCount, int seed)
    {
        var order = Enumerable.Range(0, rowCount).ToArray();
        new Random(seed).Shuffle(order);
        return order;
    }

    /// <summary>The first <paramref name="rows"/> rows of the shuffled order, in file order.</summary>
    private static PostDataset Sample(PostDataset data, int[] order, int rows) =>
        rows >= data.RowCount ? data : data.Select(order.Take(rows).Order().ToArray());

    /// <summary>Passes the first rung's trials on with the sample's row count, as the search result records them.</summary>
    private sealed class SampleProgress(IProgress<TrialResult>? inner, int rows) : IProgress<TrialResult>
    {
        public void Report(TrialResult value) => inner?.Report(value with { SampleRows = rows });
    }
}
