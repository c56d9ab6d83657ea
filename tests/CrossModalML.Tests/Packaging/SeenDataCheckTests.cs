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
    public void The_training_file_read_for_scoring_is_recognised_as_the_training_data()
    {
        using var predictor = CrossModalPredictor.Load(DemoModel.ModelPath);

        var training = predictor.LoadInput(RepositoryPaths.DemoPosts, requireLabel: true);

        Assert.IsTrue(SeenDataCheck.IsTrainingData(predictor.Manifest, training));
    }

    [TestMethod]
    public void Evaluating_on_the_training_rows_carries_a_seen_data_warning()
    {
        using var temp = new TempDirectory();
        var data = DemoSlices.Write(temp, 0, 80);
        using var predictor = CrossModalPredictor.Load(ManifestRewriter.TrainedOn(DemoModel.ModelPath, data, temp.File("model.zip")));

        var metrics = predictor.Evaluate(predictor.LoadInput(data, requireLabel: true));

        Assert.AreEqual(1, metrics.Warnings?.Count);
        StringAssert.Contains(metrics.Warnings![0], "80 rows the model was trained on");
        StringAssert.Contains(metrics.Warnings[0], "Data.Fingerprint");
    }

    [TestMethod]
    public void Evaluating_on_other_rows_carries_no_warning()
    {
        using var predictor = CrossModalPredictor.Load(DemoModel.ModelPath);
        using var temp = new TempDirectory();
        var part = predictor.LoadInput(DemoSlices.Write(temp, 0, 80), requireLabel: true);

        Assert.IsFalse(SeenDataCheck.IsTrainingData(predictor.Manifest, part));
        Assert.IsNull(predictor.Evaluate(part).Warnings);
    }

    [TestMethod]
    public void Evaluate_command_reports_the_warning()
    {
        using var temp = new TempDirectory();
        var report = temp.File("evaluate.json");
        var data = DemoSlices.Write(temp, 0, 80);
        var model = ManifestRewriter.TrainedOn(DemoModel.ModelPath, data, temp.File("model.zip"));

        Assert.AreEqual(0, CliApp.Run(["evaluate", "--model", model, "--dataset", data, "--report", report]));

        var warnings = JsonNode.Parse(File.ReadAllText(report))!["metrics"]!["warnings"]!.AsArray();
        Assert.AreEqual(1, warnings.Count);
        StringAssert.Contains(warnings[0]!.GetValue<string>(), "seen data");
    }
}
