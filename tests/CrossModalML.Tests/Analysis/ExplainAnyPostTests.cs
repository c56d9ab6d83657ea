using System.Text.Json.Nodes;
using CrossModalML.Analysis.Explanations;
using CrossModalML.Cli;
using CrossModalML.Prediction;
using CrossModalML.Tests.TestSupport;

namespace CrossModalML.Tests.Analysis;

[TestClass]
[DoNotParallelize]
public sealed class ExplainAnyPostTests
{
    [TestMethod]
    public void Post_id_finds_a_post_outside_the_permutation_sample()
    {
        using var temp = new TempDirectory();
        var data = DemoSlices.Write(temp, 0, 80);
        var ids = File.ReadLines(data).Skip(1).Select(line => line.Split('\t')[0]).ToList();
        var order = Enumerable.Range(0, ids.Count).ToArray();
        new Random(1).Shuffle(order);
        var sampled = order.Take(10).ToHashSet();
        var outside = ids[Enumerable.Range(0, ids.Count).First(i => !sampled.Contains(i))];
        var report = temp.File("explain.json");

        var code = CliApp.Run(["explain", "--model", DemoModel.ModelPath, "--dataset", data, "--rows", "10", "--seed", "1", "--repeats", "1",
            "--post-id", outside, "--report", report]);

        Assert.AreEqual(0, code);
        var json = JsonNode.Parse(File.ReadAllText(report))!;
        Assert.AreEqual(10, json["global"]!["rows"]!.GetValue<int>());
        var posts = json["posts"]!.AsArray();
        Assert.AreEqual(1, posts.Count);
        Assert.AreEqual(outside, posts[0]!["post"]!.GetValue<string>());
    }

    [TestMethod]
    public void An_unknown_post_id_names_the_file_and_the_flag()
    {
        using var temp = new TempDirectory();
        var data = DemoSlices.Write(temp, 0, 30);
        var (code, error) = CliRunner.Run("explain", "--model", DemoModel.ModelPath, "--dataset", data, "--rows", "10", "--repeats", "1", "--post-id", "no-such-post");

        Assert.AreNotEqual(0, code);
        StringAssert.Contains(error, "no-such-post");
        StringAssert.Contains(error, "--post-id");
    }

    [TestMethod]
    public void Explaining_the_training_rows_warns_that_the_baseline_is_in_sample()
    {
        using var temp = new TempDirectory();
        var data = DemoSlices.Write(temp, 0, 60);
        using var predictor = CrossModalPredictor.Load(ManifestRewriter.TrainedOn(DemoModel.ModelPath, data, temp.File("model.zip")));
        var explainer = new ModelExplainer(predictor, new ExplainerOptions { Repeats = 1, MaxRows = 20 });

        var global = explainer.ExplainGlobal(predictor.LoadInput(data, requireLabel: true));

        Assert.AreEqual(20, global.Rows);
        Assert.AreEqual("sentiment", global.Task);
        Assert.AreEqual(1, global.Warnings.Count);
        StringAssert.Contains(global.Warnings[0], "the baseline");
    }
}
