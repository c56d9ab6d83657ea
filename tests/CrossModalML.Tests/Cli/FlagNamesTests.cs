using CrossModalML.Cli.Commands;

namespace CrossModalML.Tests.Cli;

[TestClass]
public sealed class FlagNamesTests
{
    [TestMethod]
    public void Library_property_paths_become_the_flags_that_set_them()
    {
        Assert.AreEqual(
            "--folds must be at least 2 for cross-validation; got 1.",
            FlagNames.Translate("TrainingOptions.Evaluation.Folds must be at least 2 for cross-validation; got 1."));
        Assert.AreEqual(
            "Give the search a budget: set --time, --max-trials, or both.",
            FlagNames.Translate("Give the search a budget: set AutoMLExperimentOptions.Budget.Time, AutoMLExperimentOptions.Budget.MaxTrials, or both."));
        Assert.AreEqual(
            "Column 'pic' has the role Ignore, not Image. Load the posts with --image pic.",
            FlagNames.Translate("Column 'pic' has the role Ignore, not Image. Load the posts with PostLoadOptions.RoleOverrides['pic'] = ColumnRole.Image."));
        Assert.AreEqual(
            "less than 2 standard errors (--min-lead-se); less than 2 standard errors (--min-lead-se)",
            FlagNames.Translate("less than 2 standard errors (AutoMLExperimentOptions.StartMinimumStandardErrors); less than 2 standard errors (AutoMLExperimentOptions.EnsembleMinimumStandardErrors)"));
        Assert.AreEqual(
            "Use .tsv or .csv as the extension.",
            FlagNames.Translate("Use .tsv or .csv as the extension (or set PostLoadOptions.Format)."),
            "a C# option the CLI has no flag for is left out");
    }
}
