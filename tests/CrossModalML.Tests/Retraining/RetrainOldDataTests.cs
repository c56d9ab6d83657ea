using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CrossModalML.Cli;
using CrossModalML.Packaging;
using CrossModalML.Tests.TestSupport;
using CrossModalML.Retraining;

namespace CrossModalML.Tests.Retraining;

[TestClass]
[DoNotParallelize]
public sealed class RetrainOldDataTests
{
    private static string DemoSlice(TempDirectory temp, int skip, int rows) => DemoSlices.Write(temp, skip, rows);

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    [TestMethod]
    public void Appended_old_rows_are_trained_on_but_the_hold_out_comes_from_the_new_rows_only()
    {
        using var temp = new TempDirectory();
        var output = temp.File("new.zip");
        var options = new RetrainingOptions { TestFraction = 0.2, OldDataPath = DemoSlice(temp, 1000, 150) };

        var result = ModelRetrainer.Retrain(DemoModel.ModelPath, DemoSlice(temp, 2000, 100), output, options);

        Assert.AreEqual(20, result.HoldOutRows, 2);
        Assert.AreEqual(result.HoldOutRows, result.OldMetrics.Count);
        Assert.AreEqual(result.HoldOutRows, result.NewMetrics.Count);
        Assert.AreEqual(150, result.OldRowsAdded);
        Assert.AreEqual(250, result.TrainingRows);
        Assert.IsFalse(result.KeptOldModel);
        Assert.AreEqual(0, result.Warnings.Count);
        var saved = ModelPackage.ReadManifest(output);
        Assert.AreEqual(250, saved.Data.RowsUsed);
        StringAssert.Contains(saved.Evaluation, "and 150 old rows");
        Assert.AreEqual(result.NewMetrics.MacroF1, saved.Metrics!.MacroF1);
    }

    [TestMethod]
    public void Old_rows_that_repeat_hold_out_rows_are_left_out_and_the_run_warns()
    {
        using var temp = new TempDirectory();
        var newData = DemoSlice(temp, 0, 100);
        var options = new RetrainingOptions { TestFraction = 0.2, OldDataPath = newData };

        var result = ModelRetrainer.Retrain(DemoModel.ModelPath, newData, temp.File("new.zip"), options);

        Assert.AreEqual(100 - result.HoldOutRows, result.OldRowsAdded, "every hold-out row is dropped from the old rows");
        Assert.AreEqual(1, result.Warnings.Count);
        StringAssert.Contains(result.Warnings[0], $"repeats {result.HoldOutRows} row(s)");
    }

    [TestMethod]
    public void Retraining_on_the_old_training_file_warns_that_the_old_score_is_on_seen_rows()
    {
        using var temp = new TempDirectory();
        var data = DemoSlice(temp, 0, 100);
        var model = ManifestRewriter.TrainedOn(DemoModel.ModelPath, data, temp.File("old.zip"));

        var result = ModelRetrainer.Retrain(model, data, temp.File("new.zip"));

        Assert.IsTrue(result.Warnings.Any(w => w.Contains("the old model's score on the hold-out is measured on seen data", StringComparison.Ordinal)), string.Join("\n", result.Warnings));
    }

    [TestMethod]
    public void Keep_better_copies_the_old_model_when_the_new_one_is_worse()
    {
        using var temp = new TempDirectory();
        var output = temp.File("kept.zip");

        // The old model was fitted on all 3,000 demo posts, these 60 among them; a model fitted on 48 of them does worse on the other 12.
        var result = ModelRetrainer.Retrain(DemoModel.ModelPath, DemoSlice(temp, 0, 60), output, new RetrainingOptions { KeepBetter = true });

        Assert.IsTrue(result.Worsened, $"old {result.OldMetrics.Primary}, new {result.NewMetrics.Primary}");
        Assert.IsTrue(result.KeptOldModel);
        Assert.AreEqual(Sha256(DemoModel.ModelPath), Sha256(output));
        Assert.AreEqual(ModelPackage.ReadManifest(DemoModel.ModelPath).Data.Fingerprint, result.Manifest.Data.Fingerprint);
        Assert.AreEqual(0, Directory.GetFiles(temp.Path, "*.tmp").Length);
    }

    [TestMethod]
    public void Retrain_command_says_when_it_kept_the_old_model()
    {
        using var temp = new TempDirectory();
        var output = temp.File("kept.zip");
        var report = temp.File("report.json");

        var code = CliApp.Run(["retrain", "--model", DemoModel.ModelPath, "--dataset", DemoSlice(temp, 0, 60), "--append-old", DemoSlice(temp, 100, 20),
            "--keep-better", "--output", output, "--report", report]);

        Assert.AreEqual(0, code);
        var json = JsonNode.Parse(File.ReadAllText(report))!;
        Assert.IsTrue(json["keptOldModel"]!.GetValue<bool>());
        Assert.AreEqual(20, json["oldRowsAdded"]!.GetValue<int>());
        Assert.AreEqual(Sha256(DemoModel.ModelPath), Sha256(output));
    }
}
