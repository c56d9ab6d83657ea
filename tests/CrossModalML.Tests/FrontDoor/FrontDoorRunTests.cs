using System.Security.Cryptography;
using CrossModalML.AutoML;
using CrossModalML.Data;
using CrossModalML.Evaluation;
using CrossModalML.Packaging;
using CrossModalML.MultiTask;
using CrossModalML.Retraining;
using CrossModalML.Tests.TestSupport;
using CrossModalML.Training;
using Microsoft.ML;

namespace CrossModalML.Tests.FrontDoor;

/// <summary>Multi-task fits, retraining, progress and cancellation through <see cref="CrossModalCatalog"/>.</summary>
[TestClass]
[DoNotParallelize]
public sealed class FrontDoorRunTests
{
    [TestMethod]
    public void A_multi_task_fit_returns_a_model_of_every_task_with_the_context_seed()
    {
        using var temp = new TempDirectory();
        var catalog = new MLContext(seed: 3).CrossModal();
        var data = catalog.LoadPosts(DemoSlices.Write(temp, 0, 300), "sentiment");
        var options = new MultiTaskOptions { Labels = ["sentiment", "topic"], Stacking = StackingMode.Off, Evaluation = { Strategy = EvaluationStrategy.HoldOut } };

        using var model = catalog.FitMultiTask(data, options);
        model.Save(temp.File("multi.zip"));
        using var predictor = catalog.LoadPredictor(temp.File("multi.zip"));
        var prediction = predictor.Predict(new Dictionary<string, string?> { ["text"] = "New phone, new bugs #coding" });

        CollectionAssert.AreEqual(new[] { "sentiment", "topic" }, model.Manifest.Tasks!.Select(t => t.Name).ToArray());
        Assert.AreEqual(3, model.Manifest.Seed);
        Assert.AreEqual(model.MultiTaskResult!.Main.Metrics!.MacroF1, model.Metrics!.MacroF1, "the model's metrics are the main task's");
        Assert.AreEqual(2, prediction.Tasks.Count);
    }

    [TestMethod]
    public void A_preset_does_what_crossmodal_train_does_with_it()
    {
        using var temp = new TempDirectory();
        var posts = Cli.PresetCliTests.SharedImagePosts(temp);
        var (code, error) = CliRunner.Run("train", "--preset", "fast", "--dataset", posts, "--label", "sentiment", "--seed", "2", "--output", temp.File("cli.zip"));
        Assert.AreEqual(0, code, error);
        var cli = ModelPackage.ReadManifest(temp.File("cli.zip"));

        var catalog = new MLContext(seed: 2).CrossModal();
        var loads = new List<CrossModalProgress>();
        var data = catalog.LoadPosts(posts, new PostLoadOptions { LabelColumn = "sentiment" }, new SynchronousProgress<CrossModalProgress>(loads.Add));
        using var model = catalog.Search(data, QualityPreset.Fast);

        StringAssert.Contains(model.Manifest.Evaluation, "grouped by 'image'", "the planner groups posts that share images");
        Assert.AreEqual(cli.Evaluation, model.Manifest.Evaluation);
        Assert.AreEqual(cli.Trainer, model.Manifest.Trainer);
        Assert.AreEqual(cli.Metrics!.MacroF1, model.Metrics!.MacroF1);
        Assert.AreEqual(cli.Metrics.LogLoss, model.Metrics.LogLoss);
        Assert.IsTrue(loads.Count > 0 && loads.All(p => p.Stage == CrossModalProgress.Load), "loading reports its progress");
    }

    [TestMethod]
    public void Retraining_returns_the_new_model_and_writes_nothing_until_it_is_saved()
    {
        using var temp = new TempDirectory();
        var oldModel = temp.File("old.zip");
        File.Copy(DemoModel.ModelPath, oldModel);
        var before = SHA256.HashData(File.ReadAllBytes(oldModel));
        var catalog = new MLContext(seed: 4).CrossModal();
        var data = catalog.LoadPosts(DemoSlices.Write(temp, 2000, 300), "sentiment");
        var steps = new List<CrossModalProgress>();

        using var model = catalog.Retrain(oldModel, data, new RetrainingOptions { TestFraction = 0.25 }, new SynchronousProgress<CrossModalProgress>(steps.Add));

        var result = model.RetrainingResult!;
        Assert.IsFalse(File.Exists(result.OutputPath), "the retrainer's own output was temporary");
        CollectionAssert.AreEqual(before, SHA256.HashData(File.ReadAllBytes(oldModel)));
        Assert.AreEqual(4, model.Manifest.Seed);
        Assert.AreEqual(result.NewMetrics.MacroF1, model.Metrics!.MacroF1);
        CollectionAssert.AreEqual(new[] { 1, 2 }, steps.Select(s => s.Step).ToArray());
        Assert.IsTrue(steps.All(s => s.Stage == CrossModalProgress.Retrain && s.TotalSteps == 2));
        model.Save(temp.File("new.zip"));
        Assert.AreEqual(model.Manifest.Trainer, catalog.LoadModel(temp.File("new.zip")).Manifest.Trainer);
    }

    [TestMethod]
    public void A_retraining_search_reports_its_trials_to_the_catalog_and_to_the_options_own_progress()
    {
        using var temp = new TempDirectory();
        var catalog = new MLContext(seed: 1).CrossModal();
        var data = catalog.LoadPosts(DemoSlices.Write(temp, 2000, 200), "sentiment");
        var own = new List<TrialResult>();
        var reports = new List<CrossModalProgress>();
        var options = new RetrainingOptions
        {
            Search = new RetrainingSearchOptions { Budget = new SearchBudget { MaxTrials = 1 }, SearchFeaturizer = false, TrialProgress = new SynchronousProgress<TrialResult>(own.Add) },
        };

        using var model = catalog.Retrain(DemoModel.ModelPath, data, options, new SynchronousProgress<CrossModalProgress>(reports.Add));

        Assert.AreEqual(2, own.Count, "the options' own trial progress still sees the trial start and end");
        CollectionAssert.AreEqual(own, reports.Where(r => r.Trial is not null).Select(r => r.Trial).ToList());
        Assert.AreEqual(2, reports.Count(r => r.Trial is null && r.Items is null), "and the catalog's progress gets the two retraining steps as well");
        Assert.AreEqual(1, model.Leaderboard!.Count);
    }

    [TestMethod]
    public async Task A_fit_cancelled_at_its_first_progress_report_throws()
    {
        var data = PostDatasetLoader.Load(RepositoryPaths.DemoPosts, new PostLoadOptions { LabelColumn = "sentiment" }).Select(Enumerable.Range(0, 200).ToList());
        using var cancellation = new CancellationTokenSource();
        var reports = new List<CrossModalProgress>();
        var progress = new SynchronousProgress<CrossModalProgress>(p =>
        {
            reports.Add(p);
            cancellation.Cancel();
        });

        await Assert.ThrowsAsync<OperationCanceledException>(() => new MLContext(seed: 1).CrossModal().FitAsync(data, progress: progress, cancellationToken: cancellation.Token));

        Assert.AreEqual(1, reports.Count, "no step starts after the cancellation");
        Assert.AreEqual(CrossModalProgress.Fit, reports[0].Stage);
        Assert.AreEqual(1, reports[0].Step);
    }

    [TestMethod]
    public async Task A_search_reports_its_trials_and_stops_when_cancelled()
    {
        var data = PostDatasetLoader.Load(RepositoryPaths.DemoPosts, new PostLoadOptions { LabelColumn = "sentiment" }).Select(Enumerable.Range(0, 200).ToList());
        var catalog = new MLContext(seed: 1).CrossModal();
        var budget = new SearchBudget { MaxTrials = 2 };
        var options = new AutoMLExperimentOptions { SearchFeaturizer = false, Evaluation = { Strategy = EvaluationStrategy.HoldOut } };
        var reports = new List<CrossModalProgress>();

        using (var model = await catalog.SearchAsync(data, budget, options, new SynchronousProgress<CrossModalProgress>(reports.Add)))
        {
            // Besides its trials, a search counts the rows its feature cache reads (Items).
            var trials = reports.Where(r => r.Items is null).ToList();
            Assert.AreEqual(4, trials.Count, "each trial reports as it starts and as it ends");
            Assert.IsTrue(trials.All(r => r.Stage == CrossModalProgress.Search && r.TotalSteps == 2 && r.Trial is not null));
            CollectionAssert.AreEqual(new[] { TrialStatus.Running, TrialStatus.Completed }, trials.Take(2).Select(r => r.Trial!.Status).ToArray());
            Assert.IsTrue(reports.Where(r => r.Items is not null).All(r => r.Stage == CrossModalProgress.Search && r.Items!.Done <= r.Items.Total));
        }

        using var cancellation = new CancellationTokenSource();
        var seen = 0;
        var cancelling = new SynchronousProgress<CrossModalProgress>(_ =>
        {
            seen++;
            cancellation.Cancel();
        });
        await Assert.ThrowsAsync<OperationCanceledException>(() => catalog.SearchAsync(data, budget, options, cancelling, cancellation.Token));
        Assert.IsTrue(seen <= 2, $"the search went on after the cancellation ({seen} reports)");
    }

    [TestMethod]
    public async Task A_retraining_cancelled_at_its_first_step_throws_and_leaves_no_file()
    {
        using var temp = new TempDirectory();
        var catalog = new MLContext(seed: 1).CrossModal();
        var data = catalog.LoadPosts(DemoSlices.Write(temp, 2000, 200), "sentiment");
        var before = Directory.GetFileSystemEntries(temp.Path);
        var staging = RetrainingFolders();
        using var cancellation = new CancellationTokenSource();
        var progress = new SynchronousProgress<CrossModalProgress>(_ => cancellation.Cancel());

        await Assert.ThrowsAsync<OperationCanceledException>(() => catalog.RetrainAsync(DemoModel.ModelPath, data, progress: progress, cancellationToken: cancellation.Token));

        CollectionAssert.AreEquivalent(before, Directory.GetFileSystemEntries(temp.Path));
        CollectionAssert.AreEquivalent(staging, RetrainingFolders(), "the temporary output folder is removed");
    }

    private static string[] RetrainingFolders() => Directory.GetDirectories(Path.GetTempPath(), "crossmodal-retrain-*");
}
