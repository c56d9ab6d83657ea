using CrossModalML.AutoML;
using CrossModalML.Data;
using CrossModalML.Tests.TestSupport;
using Microsoft.ML;
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
        StringAssert.Contains(warning, "trial 9 beats it by +0.0800 MacroF1 on average over 5 folds (standard error 0.0800)");
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
    public void When_the_last_start_failed_the_default_configuration_is_the_reference()
    {
        var failed = Trial(2, double.NaN, [], start: true) with { Status = TrialStatus.Failed, Loss = double.PositiveInfinity };
        var search = Search(Trial(1, 0.72, [0.72, 0.72, 0.72, 0.72, 0.72], start: true), failed, Trial(9, 0.80, [0.72, 0.72, 0.72, 0.72, 1.12]));

        Assert.AreEqual(1, StartKeeper.Apply(search, 2, []).Best!.Number);
    }

    [TestMethod]
    public void For_a_lower_is_better_metric_the_gain_is_the_reduction()
    {
        var (gain, standardError, _) = StartKeeper.PairedGain(
            Trial(9, 0.40, [0.40, 0.41, 0.39], metric: AutoMLMetric.Rmse), Trial(1, 0.50, [0.50, 0.51, 0.49], start: true, metric: AutoMLMetric.Rmse), AutoMLMetric.Rmse);

        Assert.AreEqual(0.10, gain, 1e-12);
        Assert.AreEqual(0, standardError, 1e-12, "the same reduction on every fold");
    }

    [TestMethod]
    public void The_gain_is_the_mean_of_the_fold_differences_and_folds_without_a_score_are_left_out()
    {
        // Pooled scores (0.90 vs 0.70) can differ from the folds' mean difference; the check reads the folds. The NaN fold
        // (no score on it, e.g. AUC on one class) drops out of the pairs instead of making the error NaN.
        var best = Trial(9, 0.90, [0.80, 0.82, double.NaN, 0.78]);
        var start = Trial(2, 0.70, [0.70, 0.70, 0.70, 0.70], start: true);

        var (gain, standardError, folds) = StartKeeper.PairedGain(best, start, AutoMLMetric.MacroF1);

        Assert.AreEqual(0.10, gain, 1e-12);
        Assert.AreEqual(0.02 / Math.Sqrt(3), standardError, 1e-12);
        Assert.AreEqual(3, folds, "the NaN fold is not counted");
        Assert.IsTrue(double.IsNaN(StartKeeper.PairedGain(Trial(9, 0.9, [0.8, double.NaN, double.NaN, 0.8]), start, AutoMLMetric.MacroF1).StandardError), "fewer than 3 usable folds");
    }

    [TestMethod]
    public void A_real_search_told_to_trust_no_lead_refits_its_start_and_builds_no_ensemble()
    {
        var data = PostDatasetLoader.Load(RepositoryPaths.DemoPosts, new PostLoadOptions { LabelColumn = "sentiment" }).Select(Enumerable.Range(0, 300).ToList());
        AutoMLExperimentOptions Options(double standardErrors) => new()
        {
            Budget = new SearchBudget { MaxTrials = 6 }, Seed = 1, Ensemble = true, StartMinimumStandardErrors = standardErrors,
            Featurizer = new FeaturizerOptions { Modalities = Modality.Text, Text = new TextFeaturizerOptions { UseCharNgrams = false } },
        };

        var free = new AutoMLExperiment(new MLContext(1), Options(0)).Run(data);
        var strict = new AutoMLExperiment(new MLContext(1), Options(1_000)).Run(data);

        Assert.IsFalse(free.Search.Best!.IsDefaultConfiguration, "the probe: without the check a tuner trial is refit on these posts");
        Assert.IsFalse(free.Warnings.Any(w => w.StartsWith("Kept trial", StringComparison.Ordinal)));
        Assert.IsTrue(strict.Search.Best!.IsDefaultConfiguration, "with the check the start is ranked first and refit");
        Assert.AreEqual(free.Search.Trials.Count, strict.Search.Trials.Count, "the same search ran");
        StringAssert.StartsWith(strict.Warnings.Single(w => w.StartsWith("Kept trial", StringComparison.Ordinal)), $"Kept trial {strict.Search.Best.Number},");
        Assert.IsNull(strict.Ensemble);
        Assert.IsTrue(strict.Warnings.Any(w => w.StartsWith("No ensemble: the search kept its starting configuration", StringComparison.Ordinal)));
    }

    internal static SearchResult Search(params TrialResult[] trials) => new()
    {
        Metric = trials[0].Metric, Trials = trials, Leaderboard = Leaderboard.Rank(trials), StopReason = SearchStopReason.MaxTrials, Elapsed = TimeSpan.FromSeconds(1),
    };

    internal static TrialResult Trial(int number, double score, double[] folds, bool start = false, AutoMLMetric metric = AutoMLMetric.MacroF1) => new()
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
