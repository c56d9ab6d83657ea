using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrossModalML.AutoML;
using CrossModalML.Cli;
using CrossModalML.Featurization;
using CrossModalML.Packaging;
using CrossModalML.Prediction;
using CrossModalML.Tests.TestSupport;
using CrossModalML.Training;
using CrossModalML.Retraining;
using CrossModalML.Evaluation;

namespace CrossModalML.Tests.Retraining;

[TestClass]
[DoNotParallelize]
public sealed class ModelRetrainerTests
{
    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    [TestMethod]
    public void Retraining_compares_both_models_on_one_hold_out_and_leaves_the_old_zip_untouched()
    {
        using var temp = new TempDirectory();
        var oldModel = temp.File("old.zip");
        File.Copy(DemoModel.ModelPath, oldModel);
        var before = Sha256(oldModel);
        var output = temp.File("new.zip");

        var result = ModelRetrainer.Retrain(oldModel, DemoSlices.Write(temp, 2000, 500), output, new RetrainingOptions { TestFraction = 0.25 });

        Assert.AreEqual(before, Sha256(oldModel));
        Assert.AreEqual(result.HoldOutRows, result.OldMetrics.Count);
        Assert.AreEqual(result.HoldOutRows, result.NewMetrics.Count);
        Assert.AreEqual(125, result.HoldOutRows, 3);
        Assert.AreEqual(500, result.TrainingRows);
        var oldManifest = ModelPackage.ReadManifest(oldModel);
        Assert.AreEqual(oldManifest.Trainer, result.Manifest.Trainer);
        Assert.AreEqual(JsonSerializer.Serialize(oldManifest.Featurizer, ManifestJson.Options), JsonSerializer.Serialize(result.Manifest.Featurizer, ManifestJson.Options));
        CollectionAssert.AreEqual(oldManifest.ClassLabels.ToList(), result.Manifest.ClassLabels.ToList());
        using var predictor = CrossModalPredictor.Load(output);
        Assert.IsNotNull(predictor.Predict(new Dictionary<string, string?> { ["text"] = "love it :)" }).PredictedLabel);
    }

    [TestMethod]
    public void Retrain_command_prints_both_metrics_and_writes_a_report()
    {
        using var temp = new TempDirectory();
        var output = temp.File("new.zip");
        var report = temp.File("report.json");

        var (code, printed, error) = CliRunner.RunWithOutput(["retrain", "--model", DemoModel.ModelPath, "--dataset", DemoSlices.Write(temp, 0, 300), "--output", output, "--report", report]);

        Assert.AreEqual(0, code, error);
        var json = JsonNode.Parse(File.ReadAllText(report))!;
        CollectionAssert.AreEqual(
            new[] { "task", "label", "trainer", "holdOutRows", "trainingRows", "oldMetrics", "newMetrics", "primaryMetric", "primaryChange", "improved", "keptOldModel", "oldRowsAdded", "warnings", "model" },
            json.AsObject().Select(p => p.Key).ToArray(),
            "scripts read these keys, in this order");
        Assert.IsNotNull(json["oldMetrics"]!["macroF1"]);
        Assert.IsNotNull(json["newMetrics"]!["macroF1"]);
        Assert.AreEqual(
            json["newMetrics"]!["macroF1"]!.GetValue<double>() - json["oldMetrics"]!["macroF1"]!.GetValue<double>(),
            json["primaryChange"]!.GetValue<double>(), 1e-9);
        Assert.IsTrue(File.Exists(output));

        // What it prints: each model's metrics under its heading, the same numbers as the report, and the verdict.
        string F(string side, string metric) => json[side]![metric]!.GetValue<double>().ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture);
        var lines = printed.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        int oldHeading = lines.FindIndex(l => l.StartsWith("Old model on the hold-out", StringComparison.Ordinal));
        int newHeading = lines.FindIndex(l => l.StartsWith("New model on the same hold-out", StringComparison.Ordinal));
        Assert.IsTrue(oldHeading >= 0 && newHeading > oldHeading, printed);
        StringAssert.Contains(lines[oldHeading + 1], $"accuracy {F("oldMetrics", "accuracy")}   macro-F1 {F("oldMetrics", "macroF1")}");
        StringAssert.Contains(lines[newHeading + 1], $"accuracy {F("newMetrics", "accuracy")}   macro-F1 {F("newMetrics", "macroF1")}");
        StringAssert.Contains(printed, $"macro-F1: old {F("oldMetrics", "macroF1")}, new {F("newMetrics", "macroF1")}, change ");
        // The path may wrap at the console's width.
        StringAssert.Contains(string.Concat(printed.Where(c => !char.IsWhiteSpace(c))), "savedto" + output);
    }

    [TestMethod]
    public void Retraining_with_a_search_searches_outside_the_hold_out_and_records_the_search_in_the_manifest()
    {
        using var temp = new TempDirectory();
        var oldModel = temp.File("old.zip");
        File.Copy(DemoModel.ModelPath, oldModel);
        var before = Sha256(oldModel);
        var output = temp.File("searched.zip");
        var steps = new List<string>();
        var trials = new List<TrialResult>();
        var options = new RetrainingOptions
        {
            TestFraction = 0.2,
            Search = new RetrainingSearchOptions { Budget = new() { MaxTrials = 2, Metric = AutoMLMetric.Accuracy }, TrialProgress = new SynchronousProgress<TrialResult>(trials.Add) },
        };

        var result = ModelRetrainer.Retrain(oldModel, DemoSlices.Write(temp, 2000, 200), output, options, new SynchronousProgress<TrainingProgress>(p => steps.Add(p.Description)));

        Assert.AreEqual(before, Sha256(oldModel));
        Assert.AreEqual(40, result.HoldOutRows, 3);
        Assert.AreEqual(result.HoldOutRows, result.OldMetrics.Count);
        Assert.AreEqual(result.HoldOutRows, result.NewMetrics.Count);
        StringAssert.Contains(steps[0], $"AutoML search on {result.TrainingRows - result.HoldOutRows:N0} rows");
        Assert.AreEqual(2, result.Search!.Trials.Count);
        Assert.AreEqual(2, trials.Count(t => t.Status != TrialStatus.Running));
        var saved = ModelPackage.ReadManifest(output);
        var recorded = saved.Search!;
        Assert.AreEqual(AutoMLMetric.Accuracy, recorded.Metric);
        Assert.AreEqual(2, recorded.MaxTrials);
        Assert.AreEqual(2, recorded.TrialsRun);
        Assert.AreEqual(recorded.BestTrainer, saved.Trainer);
        Assert.AreEqual(result.NewMetrics.Accuracy, saved.Metrics!.Accuracy);
        StringAssert.Contains(saved.Evaluation, "hold-out");
        Assert.AreEqual(200, saved.Data.RowsUsed);
        using var predictor = CrossModalPredictor.Load(output);
        Assert.IsNotNull(predictor.Predict(new Dictionary<string, string?> { ["text"] = "love it :)" }).PredictedLabel);
    }

    [TestMethod]
    public void Retrain_command_with_search_reports_the_search_and_the_comparison()
    {
        using var temp = new TempDirectory();
        var output = temp.File("new.zip");
        var report = temp.File("report.json");

        var code = CliApp.Run(["retrain", "--model", DemoModel.ModelPath, "--dataset", DemoSlices.Write(temp, 0, 200), "--output", output,
            "--search", "--max-trials", "2", "--metric", "log-loss", "--report", report]);

        Assert.AreEqual(0, code);
        var json = JsonNode.Parse(File.ReadAllText(report))!;
        Assert.AreEqual(2, json["search"]!["trialsRun"]!.GetValue<int>());
        Assert.AreEqual("LogLoss", json["search"]!["metric"]!.GetValue<string>());
        Assert.IsNotNull(json["oldMetrics"]!["logLoss"]);
        Assert.IsNotNull(json["newMetrics"]!["logLoss"]);
        Assert.AreEqual(AutoMLMetric.LogLoss, ModelPackage.ReadManifest(output).Search!.Metric);
    }

    [TestMethod]
    public void Search_settings_without_search_or_budget_are_refused_before_any_fit()
    {
        using var temp = new TempDirectory();
        var data = DemoSlices.Write(temp, 0, 60);

        Assert.AreNotEqual(0, CliApp.Run(["retrain", "--model", DemoModel.ModelPath, "--dataset", data, "--output", temp.File("a.zip"), "--max-trials", "2"]));
        var noBudget = Assert.ThrowsExactly<ArgumentException>(() =>
            ModelRetrainer.Retrain(DemoModel.ModelPath, data, temp.File("b.zip"), new RetrainingOptions { Search = new RetrainingSearchOptions() }));
        StringAssert.Contains(noBudget.Message, "RetrainingOptions.Search.Budget.MaxTrials");
        var memoryCap = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ModelRetrainer.Retrain(
            DemoModel.ModelPath, data, temp.File("d.zip"), new RetrainingOptions { Search = new RetrainingSearchOptions { Budget = new() { MaxTrials = 2, MemoryLimitBytes = 0 } } }));
        StringAssert.Contains(memoryCap.Message, "RetrainingOptions.Search.Budget.MemoryLimitBytes", "a retraining search takes the memory caps of every search");
        var wrongMetric = Assert.ThrowsExactly<ArgumentException>(() => ModelRetrainer.Retrain(
            DemoModel.ModelPath, data, temp.File("c.zip"), new RetrainingOptions { Search = new RetrainingSearchOptions { Budget = new() { MaxTrials = 2, Metric = AutoMLMetric.Rmse } } }));
        StringAssert.Contains(wrongMetric.Message, "Multiclass");
        Assert.IsFalse(File.Exists(temp.File("a.zip")) || File.Exists(temp.File("b.zip")) || File.Exists(temp.File("c.zip")));
    }

    [TestMethod]
    public void Writing_over_the_old_model_is_refused()
    {
        using var temp = new TempDirectory();
        var error = Assert.ThrowsExactly<ArgumentException>(() => ModelRetrainer.Retrain(DemoModel.ModelPath, DemoSlices.Write(temp, 0, 50), DemoModel.ModelPath));
        StringAssert.Contains(error.Message, "never overwrites");
    }

    [TestMethod]
    public void An_image_model_is_refused_for_a_model_that_has_none()
    {
        using var temp = new TempDirectory();
        var onnx = temp.File("encoder.onnx");
        File.WriteAllText(onnx, "weights");
        var error = Assert.ThrowsExactly<ArgumentException>(() =>
            ModelRetrainer.Retrain(DemoModel.ModelPath, DemoSlices.Write(temp, 0, 50), temp.File("new.zip"), new RetrainingOptions { ImageModelPath = onnx }));
        StringAssert.Contains(error.Message, "no ONNX image encoder");
    }

    [TestMethod]
    public void A_model_with_an_onnx_encoder_needs_the_same_file_again()
    {
        using var temp = new TempDirectory();
        var withEncoder = temp.File("onnx-model.zip");
        File.Copy(DemoModel.ModelPath, withEncoder);
        var expected = new string('a', 64);
        RewriteManifest(withEncoder, m => m with { ImageModel = new ImageModelInfo("mobilenet.onnx", expected, "image", "embedding", 224, 224, ImageChannelOrder.Rgb) });
        var data = DemoSlices.Write(temp, 0, 50);
        var wrongFile = temp.File("other.onnx");
        File.WriteAllText(wrongFile, "different weights");

        var missing = Assert.ThrowsExactly<ArgumentException>(() => ModelRetrainer.Retrain(withEncoder, data, temp.File("new.zip")));
        StringAssert.Contains(missing.Message, "mobilenet.onnx");
        StringAssert.Contains(missing.Message, "RetrainingOptions.ImageModelPath");
        var mismatch = Assert.ThrowsExactly<ArgumentException>(() =>
            ModelRetrainer.Retrain(withEncoder, data, temp.File("new.zip"), new RetrainingOptions { ImageModelPath = wrongFile }));
        StringAssert.Contains(mismatch.Message, expected);
        StringAssert.Contains(mismatch.Message, Sha256(wrongFile));
        Assert.IsFalse(File.Exists(temp.File("new.zip")));
    }

    [TestMethod]
    public void New_data_with_a_class_the_model_never_saw_is_refused()
    {
        using var temp = new TempDirectory();
        var data = DemoSlices.Write(temp, 0, 60);
        var lines = File.ReadAllLines(data);
        var label = Array.IndexOf(lines[0].Split('\t'), "sentiment");
        var fields = lines[1].Split('\t');
        fields[label] = "ecstatic";
        lines[1] = string.Join('\t', fields);
        File.WriteAllLines(data, lines);

        var error = Assert.ThrowsExactly<ArgumentException>(() => ModelRetrainer.Retrain(DemoModel.ModelPath, data, temp.File("new.zip")));
        StringAssert.Contains(error.Message, "'ecstatic'");
    }

    private static void RewriteManifest(string zipPath, Func<ModelManifest, ModelManifest> change)
    {
        var manifest = change(ModelPackage.ReadManifest(zipPath));
        using var zip = ZipFile.Open(zipPath, ZipArchiveMode.Update);
        zip.GetEntry(ModelPackage.ManifestEntryName)!.Delete();
        using var stream = zip.CreateEntry(ModelPackage.ManifestEntryName).Open();
        JsonSerializer.Serialize(stream, manifest, ManifestJson.Options);
    }
}
