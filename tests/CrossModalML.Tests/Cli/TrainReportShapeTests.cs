using System.Text.Json.Nodes;
using CrossModalML.Tests.TestSupport;

namespace CrossModalML.Tests.Cli;

/// <summary>The <c>--report</c> of each path of <c>crossmodal train</c> keeps its keys and their order: scripts read
/// these files. The lists are the keys the reports had before the reports became typed records.</summary>
[TestClass]
[DoNotParallelize]
public sealed class TrainReportShapeTests
{
    private static JsonObject Train(TempDirectory temp, params string[] flags)
    {
        var posts = CliTests.DemoSubset(temp, "posts.tsv", 0, 200);
        var report = temp.File("report.json");
        var (code, error) = CliRunner.Run(["train", "--dataset", posts, "--output", temp.File("model.zip"), "--report", report, "--evaluation", "HoldOut", .. flags]);
        Assert.AreEqual(0, code, error);
        return JsonNode.Parse(File.ReadAllText(report))!.AsObject();
    }

    private static string[] Keys(JsonNode? node) => node!.AsObject().Select(p => p.Key).ToArray();

    [TestMethod]
    public void A_single_fit_report_keeps_its_keys()
    {
        using var temp = new TempDirectory();
        var report = Train(temp, "--label", "sentiment", "--preset", "fast", "--fusion", "auto", "--stacking-folds", "3");

        CollectionAssert.AreEqual(
            new[] { "task", "label", "classLabels", "trainer", "evaluation", "metrics", "folds", "fusion", "fusionComparison", "overSampling", "data", "loading", "model", "durationSeconds" },
            Keys(report));
    }

    [TestMethod]
    public void A_search_report_keeps_its_keys_and_those_of_its_leaderboard()
    {
        using var temp = new TempDirectory();
        var report = Train(temp, "--label", "sentiment", "--preset", "fast", "--max-trials", "2");

        CollectionAssert.AreEqual(
            new[] { "task", "label", "classLabels", "trainer", "evaluation", "metrics", "best", "fusion", "leaderboard", "data", "loading", "model", "durationSeconds" },
            Keys(report));
        CollectionAssert.AreEqual(
            new[] { "trial", "trainer", "hyperparameters", "featurizer", "metric", "score", "std", "folds", "seconds", "status" },
            Keys(report["leaderboard"]![0]));
    }

    [TestMethod]
    public void A_multi_task_report_keeps_its_keys_and_those_of_each_task()
    {
        using var temp = new TempDirectory();
        var report = Train(temp, "--label", "sentiment,topic", "--stacking", "off");

        CollectionAssert.AreEqual(
            new[] { "mainTask", "labels", "evaluation", "tasks", "stacking", "sharedFeaturizerFits", "rowsWithoutEveryLabel", "data", "loading", "model", "durationSeconds" },
            Keys(report));
        foreach (var task in report["tasks"]!.AsArray())
        {
            CollectionAssert.AreEqual(
                new[] { "name", "task", "classLabels", "main", "trainer", "modalities", "readsSomeModalities", "stackedInputs", "metrics", "separateTrainer", "separateMetrics", "versusSeparate", "multiTaskBeatSeparate" },
                Keys(task));
        }
    }
}
