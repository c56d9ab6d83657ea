using System.Text.Json.Nodes;
using CrossModalML.Cli;
using CrossModalML.Packaging;
using CrossModalML.Prediction;
using CrossModalML.Tests.TestSupport;

namespace CrossModalML.Tests.Packaging;

[TestClass]
[DoNotParallelize]
public sealed class SeenDataCheckTests
{
    [TestMethod]
    public void Evaluating_on_the_training_file_carries_a_seen_data_warning()
    {
        using var predictor = CrossModalPredictor.Load(DemoModel.ModelPath);
        var training = predictor.LoadInput(RepositoryPaths.DemoPosts, requireLabel: true);

        var metrics = predictor.Evaluate(training);

        Assert.IsTrue(SeenDataCheck.IsTrainingData(predictor.Manifest, training));
        Assert.AreEqual(1, metrics.Warnings?.Count);
        StringAssert.Contains(metrics.Warnings![0], "trained on");
        StringAssert.Contains(metrics.Warnings[0], "Data.Fingerprint");
    }

    [TestMethod]
    public void Evaluating_on_other_rows_carries_no_warning()
    {
        using var predictor = CrossModalPredictor.Load(DemoModel.ModelPath);
        var training = predictor.LoadInput(RepositoryPaths.DemoPosts, requireLabel: true);
        var part = training.Select(Enumerable.Range(0, 300).ToList());

        Assert.IsFalse(SeenDataCheck.IsTrainingData(predictor.Manifest, part));
        Assert.IsNull(predictor.Evaluate(part).Warnings);
    }

    [TestMethod]
    public void Evaluate_command_reports_the_warning()
    {
        using var temp = new TempDirectory();
        var report = temp.File("evaluate.json");

        Assert.AreEqual(0, CliApp.Run(["evaluate", "--model", DemoModel.ModelPath, "--dataset", RepositoryPaths.DemoPosts, "--report", report]));

        var warnings = JsonNode.Parse(File.ReadAllText(report))!["metrics"]!["warnings"]!.AsArray();
        Assert.AreEqual(1, warnings.Count);
        StringAssert.Contains(warnings[0]!.GetValue<string>(), "seen data");
    }
}
