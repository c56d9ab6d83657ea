using CrossModalML.AutoML;
using CrossModalML.Data;
using CrossModalML.Featurization;
using CrossModalML.Tests.TestSupport;
using CrossModalML.Training;
using Microsoft.ML;
using CrossModalML.Evaluation;
using CrossModalML.Packaging;

namespace CrossModalML.Tests.AutoML;

[TestClass]
public sealed class SearchControlTests
{
    private static readonly Lazy<PostDataset> Demo = new(() =>
        PostDatasetLoader.Load(RepositoryPaths.DemoPosts, new PostLoadOptions { LabelColumn = "sentiment" }).Select(Enumerable.Range(0, 300).ToList()));

    private static SearchResult Search(AutoMLExperimentOptions options, ITrialRunner runner) =>
        new AutoMLExperiment(new MLContext(1), options).Search(SyntheticObjective.Space, new CfoTuner(SyntheticObjective.Space, 1), runner, AutoMLMetric.MacroF1);

    [TestMethod]
    public void A_trial_that_overruns_is_given_up_within_a_second_of_its_limit()
    {
        var limit = TimeSpan.FromMilliseconds(300);
        var runner = new FakeTrialRunner((_, token) =>
        {
            // Ignores its token for 5 s, like an ML.NET fit that cannot be interrupted.
            Thread.Sleep(TimeSpan.FromSeconds(5));
            return 0.5;
        });
        var result = Search(new AutoMLExperimentOptions { Budget = new() { MaxTrials = 2, TrialTimeLimit = limit } }, runner);

        Assert.IsTrue(result.Trials.All(t => t.Status == TrialStatus.TimedOut), string.Join(", ", result.Trials.Select(t => t.Status)));
        Assert.IsTrue(result.Trials.All(t => t.Duration < limit + TimeSpan.FromSeconds(1)), string.Join(", ", result.Trials.Select(t => t.Duration)));
        Assert.IsLessThan(3, result.Elapsed.TotalSeconds, "the search does not wait for abandoned trials");
    }

    [TestMethod]
    public void Cancelling_a_real_trial_stops_its_trainer_instead_of_letting_it_run_on()
    {
        Assert.IsTrue(TrainerInterruption.IsAvailable, "this ML.NET can no longer interrupt a trainer");
        var featurizer = new FeaturizerOptions { Modalities = Modality.Text };
        var runner = new CachedFeatureTrialRunner(Demo.Value, featurizer, new EvaluationOptions { Strategy = EvaluationStrategy.HoldOut }, 1);
        var choice = FeaturizerChoice.From(featurizer);
        runner.Prepare(choice, CancellationToken.None);

        // Thousands of boosting rounds take far longer than the half second before cancellation.
        var trainer = new TrainerSpec(TrainerNames.FastTree, new Dictionary<string, double> { ["NumberOfTrees"] = 20_000, ["NumberOfLeaves"] = 64, ["MinimumExampleCountPerLeaf"] = 2 });
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Assert.ThrowsExactly<OperationCanceledException>(() => runner.Run(new TrialConfiguration(trainer, choice), cancellation.Token));

        Assert.IsLessThan(10, clock.Elapsed.TotalSeconds, $"the trainer stopped {clock.Elapsed.TotalSeconds:0.0} s after the start");
    }

    [TestMethod]
    public void The_first_trial_runs_even_when_featurizing_outlasts_the_time_budget()
    {
        var runner = new SlowFeaturizingRunner(TimeSpan.FromMilliseconds(600));
        var result = Search(new AutoMLExperimentOptions { Budget = new() { Time = TimeSpan.FromMilliseconds(300), TrialTimeLimit = TimeSpan.FromSeconds(5) } }, runner);

        Assert.HasCount(1, result.Trials);
        Assert.AreEqual(TrialStatus.Completed, result.Trials[0].Status, result.Trials[0].Message);
        Assert.AreEqual(SearchStopReason.TimeBudget, result.StopReason);
    }

    [TestMethod]
    public void The_memory_limit_stops_the_search_and_keeps_the_best_so_far()
    {
        var held = new List<byte[]>();
        long limit = GC.GetTotalMemory(forceFullCollection: true) + (150L << 20);
        int calls = 0;
        var runner = new FakeTrialRunner((_, _) =>
        {
            held.Add(new byte[64 << 20]);
            return 0.5 + Interlocked.Increment(ref calls) / 100.0;
        });
        var result = Search(new AutoMLExperimentOptions { Budget = new() { MaxTrials = 20, MemoryLimitBytes = limit } }, runner);

        Assert.AreEqual(SearchStopReason.MemoryLimit, result.StopReason);
        Assert.IsTrue(result.Trials.Count is >= 2 and <= 4, $"{result.Trials.Count} trials of 64 MB each under a 150 MB margin");
        Assert.AreEqual(result.Trials.Count, result.Best!.Number, "the last trial scored best and is kept");
        GC.KeepAlive(held);
    }

    [TestMethod]
    public void A_trial_that_grows_past_the_trial_memory_limit_is_stopped_and_the_search_goes_on()
    {
        int calls = 0;
        bool sawCancellation = false;
        var runner = new FakeTrialRunner((_, token) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                // 400 MB, every page touched so the working set grows, then wait to be stopped.
                var blocks = Enumerable.Range(0, 8).Select(_ => new byte[50 << 20]).ToList();
                blocks.ForEach(b => Array.Fill(b, (byte)1));
                sawCancellation = token.WaitHandle.WaitOne(TimeSpan.FromSeconds(20));
                GC.KeepAlive(blocks);
            }

            return 0.6;
        });
        var options = new AutoMLExperimentOptions { Budget = new() { MaxTrials = 2, TrialTimeLimit = TimeSpan.FromSeconds(30), TrialMemoryLimitBytes = 100L << 20 } };
        var result = Search(options, runner);
        result.AbandonedTrialsStopped.Wait(TimeSpan.FromSeconds(30));

        Assert.AreEqual(TrialStatus.Failed, result.Trials[0].Status);
        StringAssert.Contains(result.Trials[0].Message, "over the trial memory limit of 100 MB");
        Assert.IsLessThan(10, result.Trials[0].Duration.TotalSeconds, "stopped long before its 30 s time limit");
        Assert.IsTrue(sawCancellation, "the trial's token was cancelled, which interrupts a real trainer");
        Assert.AreEqual(TrialStatus.Completed, result.Trials[1].Status);
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Search(new AutoMLExperimentOptions { Budget = new() { MaxTrials = 1, TrialMemoryLimitBytes = -1 } }, runner)).Message, "AutoMLExperimentOptions.Budget.TrialMemoryLimitBytes");
    }

    [TestMethod]
    public void An_abandoned_trial_that_grows_on_is_not_held_against_the_next_trial_memory_limit()
    {
        using var release = new ManualResetEventSlim();
        int calls = 0;
        var runner = new FakeTrialRunner((_, _) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                // Overruns its time limit, ignoring its token like an ML.NET fit, and only then takes 300 MB (every page
                // touched) while the next trial runs.
                Thread.Sleep(TimeSpan.FromMilliseconds(1_700));
                var blocks = Enumerable.Range(0, 6).Select(_ => new byte[50 << 20]).ToList();
                blocks.ForEach(b => Array.Fill(b, (byte)1));
                release.Wait(TimeSpan.FromSeconds(30));
                GC.KeepAlive(blocks);
                return 0.5;
            }

            // Adds next to nothing, for long enough that the abandoned trial's growth is seen.
            Thread.Sleep(TimeSpan.FromMilliseconds(1_200));
            return 0.6;
        });
        var options = new AutoMLExperimentOptions { Budget = new() { MaxTrials = 2, TrialTimeLimit = TimeSpan.FromMilliseconds(1_500), TrialMemoryLimitBytes = 100L << 20 } };

        var result = Search(options, runner);
        release.Set();
        result.AbandonedTrialsStopped.Wait(TimeSpan.FromSeconds(30));

        Assert.AreEqual(TrialStatus.TimedOut, result.Trials[0].Status);
        Assert.AreEqual(TrialStatus.Completed, result.Trials[1].Status, result.Trials[1].Message);
    }

    [TestMethod]
    public void A_non_positive_memory_limit_is_rejected()
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Search(new AutoMLExperimentOptions { Budget = new() { MaxTrials = 1, MemoryLimitBytes = 0 } }, FakeTrialRunner.Bowl()));
        StringAssert.Contains(error.Message, "AutoMLExperimentOptions.Budget.MemoryLimitBytes");
    }

    [TestMethod]
    public void A_search_cross_validates_below_its_row_limit_and_holds_out_above_it()
    {
        var data = Demo.Value;
        var below = new AutoMLExperimentOptions { Budget = new() { MaxTrials = 1 } };
        var above = new AutoMLExperimentOptions { Budget = new() { MaxTrials = 1 }, CrossValidationRowLimit = 200 };

        StringAssert.Contains(new CachedFeatureTrialRunner(data, below.Featurizer, below.SearchEvaluation(), 1).EvaluationDescription, "5-fold cross-validation");
        StringAssert.Contains(new CachedFeatureTrialRunner(data, above.Featurizer, above.SearchEvaluation(), 1).EvaluationDescription, "hold-out of 20");
        Assert.AreEqual(EvaluationStrategy.HoldOut, new EvaluationOptions().Resolve(data.RowCount * 4), "single fits keep their own 1,000-row threshold");
    }

    [TestMethod]
    public void Two_real_searches_with_the_same_seed_and_max_trials_give_the_same_leaderboard()
    {
        static List<string> Leaderboard()
        {
            var options = new AutoMLExperimentOptions { Budget = new() { MaxTrials = 4, TrialTimeLimit = TimeSpan.FromSeconds(120) }, Seed = 1, Evaluation = { Folds = 3 } };
            var result = new AutoMLExperiment(new MLContext(1), options).Run(Demo.Value);
            return result.Search.Leaderboard.Select(t => $"{t.Number} {t.Status} {t.Configuration} {t.Score:R} {t.ScoreStd:R}").ToList();
        }

        var first = Leaderboard();
        var second = Leaderboard();
        Assert.HasCount(4, first);
        CollectionAssert.AreEqual(first, second, string.Join(Environment.NewLine, first.Concat(["--"]).Concat(second)));
    }

    [TestMethod]
    public void The_joint_metric_is_the_mean_of_accuracy_and_macro_f1()
    {
        var metrics = new EvaluationMetrics { Task = TaskKind.Multiclass, Count = 10, Accuracy = 0.7, MacroF1 = 0.5 };

        Assert.AreEqual(AutoMLMetric.AccuracyMacroF1, AutoMLMetrics.Parse("acc-f1"));
        Assert.AreEqual(0.6, AutoMLMetrics.Read(AutoMLMetric.AccuracyMacroF1, metrics), 1e-12);
        Assert.IsTrue(AutoMLMetrics.HigherIsBetter(AutoMLMetric.AccuracyMacroF1));
    }

    /// <summary>Featurizes slowly once (like a first ONNX pass), then scores instantly.</summary>
    private sealed class SlowFeaturizingRunner(TimeSpan featurization) : ITrialRunner
    {
        private bool _featurized;

        public void Prepare(FeaturizerChoice featurizer, CancellationToken cancellationToken)
        {
            if (!_featurized)
            {
                Thread.Sleep(featurization);
                _featurized = true;
            }
        }

        public IReadOnlyList<EvaluationMetrics> Run(TrialConfiguration configuration, CancellationToken cancellationToken) =>
            [new EvaluationMetrics { Task = TaskKind.Binary, Count = 10, MacroF1 = 0.5, Accuracy = 0.5 }];
    }
}
