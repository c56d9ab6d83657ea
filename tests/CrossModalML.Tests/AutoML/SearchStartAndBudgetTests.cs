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
public sealed class SearchStartAndBudgetTests
{
    private static readonly Lazy<PostDataset> Demo = new(() =>
        PostDatasetLoader.Load(RepositoryPaths.DemoPosts, new PostLoadOptions { LabelColumn = "sentiment" }).Select(Enumerable.Range(0, 300).ToList()));

    private static TrialResult Completed(int number, double seconds) => new()
    {
        Number = number,
        Point = new SearchPoint("x", new Dictionary<string, double>()),
        Configuration = new TrialConfiguration(new TrainerSpec("x"), new FeaturizerChoice(1, false, 0, ImageFeaturizerKind.BuiltIn)),
        Status = TrialStatus.Completed,
        Metric = AutoMLMetric.MacroF1,
        Duration = TimeSpan.FromSeconds(seconds),
    };

    [TestMethod]
    public void A_trial_starting_near_the_end_of_the_budget_gets_twice_the_median_trial_not_the_sliver_left()
    {
        // The case behind a 1.9 s cut of a 5 s trial: three trials took 4, 5 and 9 s and 1.9 s of the budget remain.
        var finished = new[] { Completed(1, 4), Completed(2, 9), Completed(3, 5) };
        Assert.AreEqual(TimeSpan.FromSeconds(10), AutoMLExperiment.BudgetedTrialLimit(TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(1.9), finished));

        // Plenty of budget left: the remaining budget is the cap; the trial limit always is.
        Assert.AreEqual(TimeSpan.FromSeconds(50), AutoMLExperiment.BudgetedTrialLimit(TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(50), finished));
        Assert.AreEqual(TimeSpan.FromSeconds(8), AutoMLExperiment.BudgetedTrialLimit(TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(1.9), finished));

        // Nothing completed yet: only the budget is known.
        Assert.AreEqual(TimeSpan.FromSeconds(1.9), AutoMLExperiment.BudgetedTrialLimit(TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(1.9), []));
    }

    [TestMethod]
    public void A_trial_the_budget_cuts_short_says_so_instead_of_blaming_the_trial_time_limit()
    {
        int calls = 0;
        var runner = new FakeTrialRunner((_, _) =>
        {
            // Fast trials until the budget is nearly spent, then one that outlasts everything it may be given.
            Thread.Sleep(Interlocked.Increment(ref calls) < 4 ? 50 : 10_000);
            return 0.5;
        });
        var options = new AutoMLExperimentOptions { Budget = new() { Time = TimeSpan.FromSeconds(1.5), TrialTimeLimit = TimeSpan.FromSeconds(30) } };
        var result = new AutoMLExperiment(new MLContext(1), options).Search(SyntheticObjective.Space, new CfoTuner(SyntheticObjective.Space, 1), runner, AutoMLMetric.MacroF1);

        var cut = result.Trials.Single(t => t.Status == TrialStatus.TimedOut);
        StringAssert.Contains(cut.Message, "time budget");
        Assert.IsLessThan(5, cut.Duration.TotalSeconds, "the limit stays near the budget and the median trial, not the 30 s trial limit");
    }

    [TestMethod]
    public void The_first_configuration_is_trial_one_and_wins_when_the_tuner_finds_nothing_better()
    {
        var first = new TrialConfiguration(new TrainerSpec(SyntheticObjective.Trainer), new FeaturizerChoice(2, true, 4, ImageFeaturizerKind.BuiltIn));
        var runner = new FakeTrialRunner((c, _) => ReferenceEquals(c, first) ? 0.9 : 0.5);
        var options = new AutoMLExperimentOptions { Budget = new() { MaxTrials = 4 } };

        // The CFO tuner throws when updated with a point it did not propose, so this also pins that trial 1 is not fed to it.
        var result = new AutoMLExperiment(new MLContext(1), options)
            .Search(SyntheticObjective.Space, new CfoTuner(SyntheticObjective.Space, 1), runner, AutoMLMetric.MacroF1, starts: [first]);

        Assert.HasCount(4, result.Trials);
        Assert.AreSame(first, result.Trials[0].Configuration);
        Assert.AreEqual(1, result.Best!.Number);
        Assert.IsTrue(result.Trials.Skip(1).All(t => t.Configuration.Trainer.Parameters.Count == 3), "later trials come from the tuner");
    }

    [TestMethod]
    public void The_first_configuration_has_no_trial_time_limit_and_the_budget_starts_after_it()
    {
        var first = new TrialConfiguration(new TrainerSpec(SyntheticObjective.Trainer), new FeaturizerChoice(2, true, 4, ImageFeaturizerKind.BuiltIn));
        var runner = new FakeTrialRunner((c, _) =>
        {
            // The single fit's configuration is slower than both the trial limit and the whole budget.
            Thread.Sleep(ReferenceEquals(c, first) ? 800 : 20);
            return 0.5;
        });
        var options = new AutoMLExperimentOptions { Budget = new() { Time = TimeSpan.FromMilliseconds(400), TrialTimeLimit = TimeSpan.FromMilliseconds(300) } };
        var result = new AutoMLExperiment(new MLContext(1), options)
            .Search(SyntheticObjective.Space, new CfoTuner(SyntheticObjective.Space, 1), runner, AutoMLMetric.MacroF1, starts: [first]);

        Assert.AreEqual(TrialStatus.Completed, result.Trials[0].Status, result.Trials[0].Message);
        Assert.IsGreaterThan(1, result.Trials.Count, "the tuner still gets the budget after the slow first trial");
        Assert.AreEqual(SearchStopReason.TimeBudget, result.StopReason);
    }

    [TestMethod]
    public void With_built_in_starts_a_search_on_shipped_encoders_also_scores_the_fast_model_outside_the_budget()
    {
        var encoders = new FeaturizerOptions { Image = { Kind = ImageFeaturizerKind.ResNet18 }, Text = { SentenceEncoder = SentenceEncoderKind.MiniLM } };
        var starts = AutoMLExperiment.StartConfigurations(TaskKind.Binary, new AutoMLExperimentOptions { Featurizer = encoders, StartWithBuiltInFeatures = true });

        Assert.HasCount(2, starts);
        Assert.AreEqual(AutoMLExperiment.DefaultConfiguration(TaskKind.Binary, encoders), starts[0], "trial 1 stays the single fit on the encoders");
        Assert.AreEqual(AutoMLExperiment.DefaultConfiguration(TaskKind.Binary, new FeaturizerOptions()), starts[1], "trial 2 is the fast preset's model");

        // Slow starting configurations that the tuner's trials then beat: neither has a time limit or is fed to CFO (which
        // throws on a point it did not propose), and the budget is counted from the end of the second.
        var runner = new FakeTrialRunner((c, _) =>
        {
            Thread.Sleep(starts.Contains(c) ? 600 : 20);
            return starts.Contains(c) ? 0.5 : 0.6;
        });
        var options = new AutoMLExperimentOptions { Budget = new() { Time = TimeSpan.FromMilliseconds(400), TrialTimeLimit = TimeSpan.FromMilliseconds(300) } };
        var result = new AutoMLExperiment(new MLContext(1), options)
            .Search(SyntheticObjective.Space, new CfoTuner(SyntheticObjective.Space, 1), runner, AutoMLMetric.MacroF1, starts: starts);

        CollectionAssert.AreEqual(starts.ToList(), result.Trials.Take(2).Select(t => t.Configuration).ToList());
        Assert.IsTrue(result.Trials.Take(2).All(t => t.Status == TrialStatus.Completed && t.IsDefaultConfiguration));
        Assert.IsGreaterThan(2, result.Trials.Count, "the tuner still gets the budget after both slow starts");
        Assert.IsGreaterThan(2, result.Best!.Number);
    }

    [TestMethod]
    public void Built_in_starts_add_nothing_when_the_featurizer_uses_no_encoder_or_the_option_is_off()
    {
        var encoders = new FeaturizerOptions { Image = { Kind = ImageFeaturizerKind.ResNet18 } };
        Assert.HasCount(1, AutoMLExperiment.StartConfigurations(TaskKind.Binary, new AutoMLExperimentOptions { StartWithBuiltInFeatures = true }));
        Assert.HasCount(1, AutoMLExperiment.StartConfigurations(TaskKind.Binary, new AutoMLExperimentOptions { Featurizer = encoders }));
        Assert.IsEmpty(AutoMLExperiment.StartConfigurations(TaskKind.Binary, new AutoMLExperimentOptions { Featurizer = encoders, StartWithBuiltInFeatures = true, StartFromDefault = false }));
    }

    [TestMethod]
    public void A_real_search_starts_from_the_single_fit_configuration_and_refits_it_when_it_wins()
    {
        var featurizer = new FeaturizerOptions { Modalities = Modality.Text };
        var options = new AutoMLExperimentOptions { Budget = new() { MaxTrials = 1 }, Featurizer = featurizer, Evaluation = { Strategy = EvaluationStrategy.HoldOut } };
        var result = new AutoMLExperiment(new MLContext(1), options).Run(Demo.Value);

        var trial = result.Search.Trials[0];
        Assert.AreEqual(TrainerFactory.Default(TaskKind.Multiclass), trial.Configuration.Trainer);
        Assert.AreEqual(FeaturizerChoice.From(featurizer), trial.Configuration.Featurizer);
        Assert.AreEqual(TrainerFactory.Default(TaskKind.Multiclass).Name, result.Training.Trainer.Name);
        Assert.IsEmpty(result.TrainingOptions.Trainer!.Parameters, "the refit uses ML.NET's default hyperparameters, as the single fit does");
    }
}
