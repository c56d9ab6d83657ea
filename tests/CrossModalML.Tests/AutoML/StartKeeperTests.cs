using CrossModalML.AutoML;
using CrossModalML.Evaluation;
using CrossModalML.Featurization;
using CrossModalML.Packaging;
using CrossModalML.Training;

namespace CrossModalML.Tests.AutoML;

[TestClass]
public sealed class StartKeeperTests
{
    [TestMethod]
    public void A_lead_that_one_fold_makes_keeps_the_starting_configuration_first()
    {
        // Trial 9 leads the fast preset's start (trial 2) by 0.08 on average, all of it from one fold: within the noise.
        var search = Search(Trial(1, 0.70, [0.70, 0.70, 0.70, 0.70, 0.70], start: true), Trial(2, 0.72, [0.72, 0.72, 0.72, 0.72, 0.72], start: true),
            Trial(9, 0.80, [0.72, 0.72, 0.72, 0.72, 1.12]));
        var warnings = new List<string>();

        var kept = StartKeeper.Apply(search, 2, warnings);

        Assert.AreEqual(2, kept.Best!.Number, "the last start is what gets refit");
        CollectionAssert.AreEqual(new[] { 2, 9, 1 }, kept.Leaderboard.Select(t => t.Number).ToArray(), "the rest keep their order");
        var warning = warnings.Single();
        StringAssert.Contains(warning, "Kept trial 2");
        StringAssert.Contains(warning, "trial 9 beats it by +0.0800 MacroF1 over 5 folds (standard error 0.0800)");
        StringAssert.Contains(warning, "AutoMLExperimentOptions.StartMinimumStandardErrors");
    }

    [TestMethod]
    public void A_lead_that_every_fold_shows_keeps_the_best_trial()
    {
        var search = Search(Trial(1, 0.55, [0.54, 0.56, 0.55, 0.53, 0.57], start: true), Trial(2, 0.53, [0.52, 0.55, 0.53, 0.51, 0.54], start: true),
            Trial(3, 0.60, [0.59, 0.61, 0.60, 0.58, 0.62]));
        var warnings = new List<string>();

        var kept = StartKeeper.Apply(search, 2, warnings);

        Assert.AreSame(search, kept);
        Assert.AreEqual(3, kept.Best!.Number);
        Assert.AreEqual(0, warnings.Count);
    }

    [TestMethod]
    public void The_check_is_off_at_zero_and_needs_paired_folds()
    {
        var noisy = Search(Trial(1, 0.72, [0.72, 0.72, 0.72, 0.72, 0.72], start: true), Trial(9, 0.80, [0.72, 0.72, 0.72, 0.72, 1.12]));
        var holdOut = Search(Trial(1, 0.72, [0.72], start: true), Trial(9, 0.80, [0.80]));
        var warnings = new List<string>();

        Assert.AreSame(noisy, StartKeeper.Apply(noisy, 0, warnings), "0 turns the check off");
        Assert.AreSame(holdOut, StartKeeper.Apply(holdOut, 2, warnings), "one fold gives no standard error");
        Assert.AreEqual(9, StartKeeper.Apply(Search(Trial(9, 0.80, [0.72, 0.72, 0.72, 0.72, 1.12])), 2, warnings).Best!.Number, "no start, nothing to keep");
        Assert.AreEqual(0, warnings.Count);
        Assert.AreEqual(1, StartKeeper.Apply(noisy, 2, warnings).Best!.Number, "with only the default configuration as a start, it is the reference");
    }

    [TestMethod]
    public void For_a_lower_is_better_metric_the_gain_is_the_reduction()
    {
        var (gain, standardError) = StartKeeper.PairedGain(
            Trial(9, 0.40, [0.40, 0.41, 0.39], metric: AutoMLMetric.Rmse), Trial(1, 0.50, [0.50, 0.51, 0.49], start: true, metric: AutoMLMetric.Rmse), AutoMLMetric.Rmse);

        Assert.AreEqual(0.10, gain, 1e-12);
        Assert.AreEqual(0, standardError, 1e-12, "the same reduction on every fold");
    }

    private static SearchResult Search(params TrialResult[] trials) => new()
    {
        Metric = trials[0].Metric, Trials = trials, Leaderboard = Leaderboard.Rank(trials), StopReason = SearchStopReason.MaxTrials, Elapsed = TimeSpan.FromSeconds(1),
    };

    private static TrialResult Trial(int number, double score, double[] folds, bool start = false, AutoMLMetric metric = AutoMLMetric.MacroF1) => new()
    {
        Number = number,
        Point = new SearchPoint(TrainerNames.LbfgsMaximumEntropy, new Dictionary<string, double>()),
        Configuration = new TrialConfiguration(new TrainerSpec(TrainerNames.LbfgsMaximumEntropy, new Dictionary<string, double> { ["L2Regularization"] = number }), new FeaturizerChoice(1, false, 0, ImageFeaturizerKind.BuiltIn)),
        Metric = metric,
        Score = score,
        FoldScores = folds,
        Loss = AutoMLMetrics.HigherIsBetter(metric) ? -score : score,
        Status = TrialStatus.Completed,
        IsDefaultConfiguration = start,
    };
}
