using System.Text.Json.Nodes;
using CrossModalML.AutoML;
using CrossModalML.Data;
using CrossModalML.Packaging;
using CrossModalML.Tests.TestSupport;
using Microsoft.ML;

namespace CrossModalML.Tests.Cli;

/// <summary><c>crossmodal leaderboard</c> and <see cref="CrossModalCatalog.Leaderboard"/> on a small three-trial search.</summary>
[TestClass]
[DoNotParallelize]
public sealed class LeaderboardCliTests
{
    private const int Width = 80;
    private static TempDirectory? _temp;
    private static string _train = string.Empty;
    private static string _test = string.Empty;
    private static string _model = string.Empty;

    [ClassInitialize]
    public static void SearchOnce(TestContext context)
    {
        _temp = new TempDirectory();
        _train = CliTests.DemoSubset(_temp, "train.tsv", 0, 150);
        _test = CliTests.DemoSubset(_temp, "test.tsv", 150, 100);
        _model = _temp.File("search.zip");
        var (code, _, error) = CliRunner.RunWithOutput(
            "train", "--preset", "fast", "--dataset", _train, "--label", "sentiment", "--max-trials", "3", "--evaluation", "HoldOut", "--output", _model);
        Assert.AreEqual(0, code, error);
    }

    [ClassCleanup]
    public static void Cleanup() => _temp?.Dispose();

    [TestMethod]
    public void The_manifest_records_every_trial_of_the_search_with_its_configuration()
    {
        var search = ModelPackage.ReadManifest(_model).Search!;

        Assert.IsNotNull(search.Trials);
        CollectionAssert.AreEqual(Enumerable.Range(1, search.TrialsRun).ToList(), search.Trials.Select(t => t.Number).ToList());
        var best = search.Trials.Single(t => t.Number == search.BestTrial);
        Assert.AreEqual(search.BestTrainer, best.Trainer);
        Assert.AreEqual(search.BestFeaturizer, best.Featurizer);
        Assert.AreEqual(search.BestScore, best.Score);
    }

    [TestMethod]
    public void Leaderboard_lists_every_trial_and_the_winner_scores_as_evaluate_does()
    {
        var report = _temp!.File("leaderboard.json");
        var (code, output, error) = CliRunner.RunWithOutput(
            "leaderboard", "--model", _model, "--train", _train, "--dataset", _test, "--report", report, "--width", Width.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.AreEqual(0, code, error);

        var manifest = ModelPackage.ReadManifest(_model);
        var entries = JsonNode.Parse(File.ReadAllText(report))!["entries"]!.AsArray();
        CollectionAssert.AreEquivalent(
            Enumerable.Range(1, manifest.Search!.TrialsRun).ToList(), entries.Select(e => e!["trial"]!.GetValue<int>()).ToList(), "one row per trial");
        Assert.IsTrue(entries.All(e => e!["testScore"] is not null), $"every trial was refit and scored:\n{entries}");

        var saved = entries.Single(e => e!["isSavedModel"]!.GetValue<bool>())!;
        Assert.AreEqual(manifest.Search.BestTrial, saved["trial"]!.GetValue<int>());
        (code, _, error) = CliRunner.RunWithOutput("evaluate", "--model", _model, "--dataset", _test, "--report", _temp.File("evaluate.json"));
        Assert.AreEqual(0, code, error);
        var evaluated = JsonNode.Parse(File.ReadAllText(_temp.File("evaluate.json")))!["metrics"]!;
        Assert.AreEqual(evaluated["macroF1"]!.GetValue<double>(), saved["testScore"]!.GetValue<double>(), 1e-12);
        Assert.AreEqual(evaluated["accuracy"]!.GetValue<double>(), saved["testMetrics"]!["accuracy"]!.GetValue<double>(), 1e-12);

        // The table fits 80 columns with whole words, one progress line per trial, the winner marked.
        var lines = output.Replace("\r", string.Empty).Split('\n');
        Assert.IsTrue(lines.All(l => l.TrimEnd().Length <= Width), output);
        foreach (var entry in entries)
        {
            var trainer = entry!["trainer"]!["name"]!.GetValue<string>();
            var score = entry["testScore"]!.GetValue<double>().ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture);
            Assert.IsTrue(lines.Any(l => l.Contains(trainer, StringComparison.Ordinal) && l.Contains(score, StringComparison.Ordinal)), $"'{trainer}' and its test score {score} on one line:\n{output}");
        }

        Assert.AreEqual(manifest.Search.TrialsRun, lines.Count(l => l.StartsWith('[')), $"one progress line per trial:\n{output}");
        StringAssert.Contains(output, $"{manifest.Search.BestTrial}*");
    }

    [TestMethod]
    public void An_ensemble_whose_gain_is_inside_its_standard_error_is_not_kept_and_the_warning_names_the_option()
    {
        // The same search as below with every gain accepted but an unreachable number of standard errors: the best trial is
        // saved alone, and the warning says which option decided it.
        var catalog = new MLContext(seed: 1).CrossModal();
        var options = new AutoMLExperimentOptions
        {
            Budget = new SearchBudget { MaxTrials = 3 }, Seed = 1, Ensemble = true, EnsembleMinimumGain = double.NegativeInfinity, EnsembleMinimumStandardErrors = 1_000, StartMinimumStandardErrors = 0,
        };
        var built = new AutoMLExperiment(new MLContext(1), options).Run(catalog.LoadPosts(_train, "sentiment"));

        Assert.IsNull(built.Ensemble);
        var warning = built.Warnings.Single(w => w.StartsWith("No ensemble", StringComparison.Ordinal));
        StringAssert.Contains(warning, "standard error");
        StringAssert.Contains(warning, "AutoMLExperimentOptions.EnsembleMinimumStandardErrors");
    }

    [TestMethod]
    public void An_ensemble_is_listed_beside_every_trial_with_its_members_weights_and_scores_as_evaluate_does()
    {
        // Built through the library so the ensemble is kept whatever its cross-fitted gain on 150 posts
        // (AutoMLExperimentOptions.EnsembleMinimumGain); the CLI then reads it like any saved search.
        var ensembleModel = _temp!.File("ensemble.zip");
        var catalog = new MLContext(seed: 1).CrossModal();
        var options = new AutoMLExperimentOptions { Ensemble = true, EnsembleMinimumGain = double.NegativeInfinity, EnsembleMinimumStandardErrors = 0, StartMinimumStandardErrors = 0 };
        using (var built = catalog.Search(catalog.LoadPosts(_train, "sentiment"), new SearchBudget { MaxTrials = 3 }, options))
        {
            built.Save(ensembleModel);
        }

        var manifest = ModelPackage.ReadManifest(ensembleModel);
        Assert.IsNotNull(manifest.Ensemble, "three trials on 150 posts make an ensemble when every ensemble is kept");
        Assert.IsNotNull(manifest.Ensemble.CrossFittedGain, "the manifest keeps the gain the ensemble was kept by");
        Assert.IsTrue(manifest.Ensemble.CrossFittedGainStandardError > 0, "and the gain's standard error");
        int code;
        string error;

        var report = _temp.File("ensemble-leaderboard.json");
        (code, _, error) = CliRunner.RunWithOutput("leaderboard", "--model", ensembleModel, "--train", _train, "--dataset", _test, "--report", report);
        Assert.AreEqual(0, code, error);

        var entries = JsonNode.Parse(File.ReadAllText(report))!["entries"]!.AsArray();
        Assert.AreEqual(manifest.Search!.TrialsRun + 1, entries.Count, "every trial and the ensemble");
        var ensemble = entries.Single(e => e!["trial"] is null)!;
        Assert.IsTrue(ensemble["isSavedModel"]!.GetValue<bool>());
        Assert.AreEqual(1, entries.Count(e => e!["isSavedModel"]!.GetValue<bool>()), "the trials are refits, the ensemble is the saved model");
        (code, _, error) = CliRunner.RunWithOutput("evaluate", "--model", ensembleModel, "--dataset", _test, "--report", _temp.File("ensemble-evaluate.json"));
        Assert.AreEqual(0, code, error);
        var evaluated = JsonNode.Parse(File.ReadAllText(_temp.File("ensemble-evaluate.json")))!["metrics"]!;
        Assert.AreEqual(evaluated["macroF1"]!.GetValue<double>(), ensemble["testScore"]!.GetValue<double>(), 1e-12);

        var weights = entries.Where(e => e!["ensembleWeight"] is not null)
            .ToDictionary(e => e!["trial"]!.GetValue<int>(), e => e!["ensembleWeight"]!.GetValue<double>());
        CollectionAssert.AreEquivalent(manifest.Ensemble.Members.Select(m => m.Trial).ToList(), weights.Keys.ToList());
        foreach (var member in manifest.Ensemble.Members)
        {
            Assert.AreEqual(member.Weight, weights[member.Trial], 1e-12);
        }
    }

    [TestMethod]
    public void A_model_saved_before_trials_were_recorded_lists_its_winner_and_other_training_data_is_named()
    {
        var old = _temp!.File("old.zip");
        File.Copy(_model, old);
        ManifestRewriter.Rewrite(old, m => m with { Search = m.Search! with { Trials = null } });
        var catalog = new MLContext(1).CrossModal();
        using var model = catalog.LoadModel(old);
        var manifest = model.Manifest;
        var test = PostDatasetLoader.LoadForScoring(_test, manifest.Columns, manifest.Task, manifest.ClassLabels, requireLabel: true, options: null);

        // The test posts stand in for training data here: only the saved winner is listed, so nothing is refit.
        var board = catalog.Leaderboard(model, test, test);

        var entry = board.Entries.Single();
        Assert.IsTrue(entry.IsSavedModel);
        Assert.AreEqual(manifest.Search!.BestTrial, entry.Trial);
        Assert.AreEqual(model.Evaluate(test).MacroF1, entry.TestMetrics!.MacroF1);
        Assert.IsFalse(board.TrainingDataMatches);
        Assert.IsTrue(board.Warnings.Any(w => w.Contains("only the winner is listed", StringComparison.Ordinal)), string.Join("\n", board.Warnings));
        Assert.IsTrue(board.Warnings.Any(w => w.Contains("not the model's training data", StringComparison.Ordinal)), string.Join("\n", board.Warnings));
    }

    [TestMethod]
    public void A_model_from_one_fit_has_no_trials_to_compare()
    {
        var catalog = new MLContext(1).CrossModal();
        using var model = catalog.LoadModel(DemoModel.ModelPath);

        var error = Assert.ThrowsExactly<NotSupportedException>(() => catalog.Leaderboard(model, DemoModel.Data, DemoModel.Data));
        StringAssert.Contains(error.Message, "not found by a search");

        var (code, _, cliError) = CliRunner.RunWithOutput("leaderboard", "--model", _model, "--train", _train, "--dataset", _test, "--top", "0");
        Assert.AreEqual(1, code);
        StringAssert.Contains(cliError, "--top must be at least 1");
    }
}
