using CrossModalML.AutoML;
using CrossModalML.Cli.Rendering;
using CrossModalML.Evaluation;
using CrossModalML.Featurization;
using CrossModalML.Packaging;
using CrossModalML.Tests.TestSupport;

namespace CrossModalML.Tests.Cli;

/// <summary>The console's adapter of the front door's progress: each kind of report becomes its console line.</summary>
[TestClass]
[DoNotParallelize]
public sealed class CatalogProgressTests
{
    [TestMethod]
    public void Steps_text_and_trials_become_step_lines_stage_lines_and_indented_trial_lines()
    {
        var text = Capture(progress =>
        {
            progress.Report(new CrossModalProgress(CrossModalProgress.MultiTask, 1, 3, "fit the shared featurizer"));
            progress.Report(new CrossModalProgress(CrossModalProgress.MultiTask, 0, 0, "comparing with separate models"));
            progress.Report(new CrossModalProgress(CrossModalProgress.MultiTask, 1, 4, "trial 1", Trial(TrialStatus.Running)));
            progress.Report(new CrossModalProgress(CrossModalProgress.MultiTask, 1, 4, "trial 1", Trial(TrialStatus.Completed)));
        }, CatalogProgress.ForStepsAndTrials(new SearchBudget { MaxTrials = 4 }, indent: "  "));

        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        StringAssert.StartsWith(lines[0], "[1/3] fit the shared featurizer (");
        StringAssert.StartsWith(lines[1], "comparing with separate models (");
        Assert.IsTrue(text.Contains("  #1 SdcaMaximumEntropy: macro-F1 0.7000", StringComparison.Ordinal), text);
        StringAssert.Contains(text, "1/4 trials");
        Assert.IsFalse(text.Contains("running", StringComparison.Ordinal), "a running trial only moves the live bar");
    }

    [TestMethod]
    public void A_search_counts_its_trials_against_the_budget_without_indent()
    {
        var text = Capture(progress => progress.Report(new CrossModalProgress(CrossModalProgress.Search, 1, 0, "trial 1", Trial(TrialStatus.Completed))),
            CatalogProgress.ForSearch(new SearchBudget { MaxTrials = 2 }));

        StringAssert.StartsWith(text, "#1 SdcaMaximumEntropy: macro-F1 0.7000");
        StringAssert.Contains(text, "1/2 trials");
    }

    [TestMethod]
    public void Trial_1_with_the_default_configuration_says_so_and_leaves_the_whole_time_budget()
    {
        var first = Trial(TrialStatus.Completed) with { IsDefaultConfiguration = true };
        var text = Capture(progress =>
        {
            progress.Report(new CrossModalProgress(CrossModalProgress.Search, 1, 0, "trial 1", first with { Status = TrialStatus.Running }));
            progress.Report(new CrossModalProgress(CrossModalProgress.Search, 1, 0, "trial 1", first));
        }, CatalogProgress.ForSearch(new SearchBudget { Time = TimeSpan.FromSeconds(90) }));

        StringAssert.StartsWith(text, "#1 SdcaMaximumEntropy (default configuration, not counted against the time budget): macro-F1 0.7000");
        StringAssert.Contains(text, "about 90 s left");
        Assert.IsFalse(text.Contains(" 0 s left", StringComparison.Ordinal), text);
    }

    private static string Capture(Action<CatalogProgress> report, CatalogProgress progress) => PlainConsole.Capture(() => report(progress));

    private static TrialResult Trial(TrialStatus status) => new()
    {
        Number = 1,
        Point = new SearchPoint("SdcaMaximumEntropy", new Dictionary<string, double>()),
        Configuration = new TrialConfiguration(new TrainerSpec("SdcaMaximumEntropy"), new FeaturizerChoice(1, false, 3, ImageFeaturizerKind.BuiltIn)),
        Status = status,
        Metric = AutoMLMetric.MacroF1,
        Score = 0.7,
        Duration = TimeSpan.FromSeconds(2),
        IsNewBest = true,
    };
}
