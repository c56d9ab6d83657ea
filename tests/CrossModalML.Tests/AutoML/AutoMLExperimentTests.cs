using CrossModalML.AutoML;
using Microsoft.ML;
using CrossModalML.Evaluation;
using CrossModalML.Packaging;

namespace CrossModalML.Tests.AutoML;

[TestClass]
public sealed class AutoMLExperimentTests
{
    private static AutoMLExperiment Experiment(int? maxTrials = null, TimeSpan? time = null, TimeSpan? trialLimit = null) =>
        new(new MLContext(1), new AutoMLExperimentOptions { Budget = new() { MaxTrials = maxTrials, Time = time, TrialTimeLimit = trialLimit ?? TimeSpan.FromSeconds(30) } });

    private static SearchResult Search(AutoMLExperiment experiment, ITrialRunner runner, ITuner? tuner = null, IProgress<TrialResult>? progress = null, CancellationToken token = default) =>
        experiment.Search(SyntheticObjective.Space, tuner ?? new CfoTuner(SyntheticObjective.Space, 1), runner, AutoMLMetric.MacroF1, progress, token);

    [TestMethod]
    public void Search_stops_at_max_trials()
    {
        var runner = FakeTrialRunner.Bowl();
        var result = Search(Experiment(maxTrials: 7), runner);

        Assert.AreEqual(7, result.Trials.Count);
        Assert.AreEqual(7, runner.Runs);
        Assert.AreEqual(SearchStopReason.MaxTrials, result.StopReason);
    }

    [TestMethod]
    public void Search_stops_when_the_time_budget_is_used_up()
    {
        var runner = new FakeTrialRunner((c, _) =>
        {
            Thread.Sleep(50);
            return 0.5;
        });
        var result = Search(Experiment(time: TimeSpan.FromMilliseconds(400)), runner);

        Assert.AreEqual(SearchStopReason.TimeBudget, result.StopReason);
        Assert.IsTrue(result.Trials.Count is >= 2 and <= 9, $"{result.Trials.Count} trials of 50 ms in a 400 ms budget");
        Assert.IsLessThan(1.5, result.Elapsed.TotalSeconds);
    }

    [TestMethod]
    public void Cancellation_returns_the_best_so_far()
    {
        using var cancellation = new CancellationTokenSource();
        int calls = 0;
        var runner = new FakeTrialRunner((c, token) =>
        {
            if (Interlocked.Increment(ref calls) == 4)
            {
                cancellation.Cancel();
                token.WaitHandle.WaitOne(TimeSpan.FromSeconds(5));
            }

            return 1 / (1 + SyntheticObjective.Loss(FakeTrialRunner.Point(c)));
        });
        var result = Search(Experiment(maxTrials: 50), runner, token: cancellation.Token);

        Assert.AreEqual(SearchStopReason.Cancelled, result.StopReason);
        Assert.AreEqual(3, result.Trials.Count, "the trial running at cancellation is not recorded");
        Assert.IsNotNull(result.Best);
        Assert.AreEqual(result.Trials.Max(t => t.Score), result.Best.Score);
    }

    [TestMethod]
    public void Failures_and_timeouts_are_recorded_and_the_search_goes_on()
    {
        int calls = 0;
        var runner = new FakeTrialRunner((c, token) =>
        {
            switch (Interlocked.Increment(ref calls))
            {
                case 2:
                    throw new InvalidOperationException("boom");
                case 3:
                    token.WaitHandle.WaitOne(TimeSpan.FromSeconds(10));
                    return 0.9;
                default:
                    return 0.5 + calls / 100.0;
            }
        });
        var result = Search(Experiment(maxTrials: 6, trialLimit: TimeSpan.FromMilliseconds(300)), runner);

        Assert.AreEqual(6, result.Trials.Count);
        Assert.AreEqual(TrialStatus.Failed, result.Trials[1].Status);
        Assert.AreEqual("boom", result.Trials[1].Message);
        Assert.AreEqual(TrialStatus.TimedOut, result.Trials[2].Status);
        StringAssert.Contains(result.Trials[2].Message, "time limit");
        Assert.AreEqual(4, result.Trials.Count(t => t.Status == TrialStatus.Completed));
    }

    [TestMethod]
    public void A_trial_that_ignores_its_limit_is_abandoned_and_the_result_says_when_it_stopped()
    {
        using var gate = new ManualResetEventSlim();
        int calls = 0;
        var runner = new FakeTrialRunner((c, _) =>
        {
            if (Interlocked.Increment(ref calls) == 2)
            {
                // A trainer that cannot be interrupted: it ignores the token and ends when the gate opens.
                gate.Wait(TimeSpan.FromSeconds(30));
            }

            return 0.5;
        });
        var result = Search(Experiment(maxTrials: 3, trialLimit: TimeSpan.FromMilliseconds(200)), runner);

        Assert.AreEqual(TrialStatus.TimedOut, result.Trials[1].Status);
        Assert.IsFalse(result.AbandonedTrialsStopped.IsCompleted, "the abandoned trial is still running");
        gate.Set();
        Assert.IsTrue(result.AbandonedTrialsStopped.Wait(TimeSpan.FromSeconds(10)));
    }

    [TestMethod]
    public void Leaderboard_ranks_best_first_earlier_trial_on_ties_and_failures_last()
    {
        var scores = new Queue<double>([0.6, 0.8, double.NaN, 0.8, 0.7]);
        var runner = new FakeTrialRunner((c, _) =>
        {
            double score = scores.Dequeue();
            return double.IsNaN(score) ? throw new InvalidOperationException("bad") : score;
        });
        var result = Search(Experiment(maxTrials: 5), runner);

        CollectionAssert.AreEqual(new[] { 2, 4, 5, 1, 3 }, result.Leaderboard.Select(t => t.Number).ToArray());
        Assert.AreEqual(2, result.Best!.Number);
        CollectionAssert.AreEqual(new[] { 1, 2 }, result.Trials.Where(t => t.IsNewBest).Select(t => t.Number).ToArray());
    }

    [TestMethod]
    public void Fold_scores_give_mean_and_standard_deviation()
    {
        var result = Search(Experiment(maxTrials: 1), new FakeTrialRunner((c, _) => 0.5));
        var trial = result.Trials[0];

        Assert.AreEqual(0.5, trial.Score, 1e-12);
        Assert.AreEqual(0.01, trial.ScoreStd, 1e-12);
        Assert.HasCount(3, trial.FoldScores);
    }

    [TestMethod]
    public void The_same_seed_and_max_trials_give_the_same_leaderboard()
    {
        static IEnumerable<string> Run() => Search(Experiment(maxTrials: 20), FakeTrialRunner.Bowl())
            .Leaderboard.Select(t => $"{t.Number} {t.Configuration} {t.Score:R}");

        CollectionAssert.AreEqual(Run().ToList(), Run().ToList());
    }

    [TestMethod]
    public void Progress_reports_running_then_the_outcome_of_each_trial()
    {
        var reports = new List<TrialResult>();
        Search(Experiment(maxTrials: 3), FakeTrialRunner.Bowl(), progress: new SynchronousProgress(reports.Add));

        CollectionAssert.AreEqual(
            new[] { TrialStatus.Running, TrialStatus.Completed, TrialStatus.Running, TrialStatus.Completed, TrialStatus.Running, TrialStatus.Completed },
            reports.Select(r => r.Status).ToArray());
    }

    [TestMethod]
    public void A_search_without_a_budget_is_rejected()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => Search(Experiment(), FakeTrialRunner.Bowl()));
        StringAssert.Contains(error.Message, "AutoMLExperimentOptions.Budget.MaxTrials");
    }

    private sealed class SynchronousProgress(Action<TrialResult> report) : IProgress<TrialResult>
    {
        public void Report(TrialResult value) => report(value);
    }
}
