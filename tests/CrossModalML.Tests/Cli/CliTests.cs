using System.Text.Json.Nodes;
using CrossModalML.Cli;
using CrossModalML.Packaging;
using CrossModalML.Tests.TestSupport;

namespace CrossModalML.Tests.Cli;

[TestClass]
[DoNotParallelize]
public sealed class CliTests
{
    /// <summary>Writes the first <paramref name="rows"/> demo posts to a new TSV, with absolute image paths.</summary>
    internal static string DemoSubset(TempDirectory temp, string name, int skip, int rows)
    {
        var lines = File.ReadLines(RepositoryPaths.DemoPosts).ToList();
        var header = lines[0].Split('\t');
        int image = Array.IndexOf(header, "image");
        var demoDirectory = Path.GetDirectoryName(RepositoryPaths.DemoPosts)!;
        var body = lines.Skip(1 + skip).Take(rows).Select(line =>
        {
            var fields = line.Split('\t');
            if (fields[image].Length > 0)
            {
                fields[image] = Path.Combine(demoDirectory, fields[image]);
            }

            return string.Join('\t', fields);
        });
        var path = temp.File(name);
        File.WriteAllLines(path, body.Prepend(lines[0]));
        return path;
    }

    private static (int ExitCode, string Error) Run(params string[] args) => CliRunner.Run(args);

    [TestMethod]
    public void Train_evaluate_predict_and_inspect_work_end_to_end()
    {
        using var temp = new TempDirectory();
        var train = DemoSubset(temp, "train.tsv", 0, 600);
        var test = DemoSubset(temp, "test.tsv", 600, 200);
        var model = temp.File("model.zip");

        var (code, error) = Run("train", "--preset", "fast", "--dataset", train, "--label", "sentiment", "--output", model, "--report", temp.File("train.json"), "--evaluation", "HoldOut");
        Assert.AreEqual(0, code, error);
        var trainReport = JsonNode.Parse(File.ReadAllText(temp.File("train.json")))!;
        Assert.AreEqual("Multiclass", trainReport["task"]!.GetValue<string>());
        Assert.IsTrue(trainReport["metrics"]!["accuracy"]!.GetValue<double>() > 0.4);
        Assert.IsNotNull(trainReport["metrics"]!["macroF1"]);

        (code, error) = Run("evaluate", "--model", model, "--dataset", test, "--report", temp.File("eval.json"));
        Assert.AreEqual(0, code, error);
        var evalReport = JsonNode.Parse(File.ReadAllText(temp.File("eval.json")))!;
        Assert.AreEqual(200, evalReport["metrics"]!["count"]!.GetValue<int>());

        (code, error) = Run("predict", "--model", model, "--input", test, "--output", temp.File("predictions.tsv"));
        Assert.AreEqual(0, code, error);
        var predictions = File.ReadAllLines(temp.File("predictions.tsv"));
        Assert.AreEqual(201, predictions.Length, "one row per input row plus the header");
        StringAssert.StartsWith(predictions[0], "id\tpredicted_label\tprobability_");
        var inputIds = File.ReadLines(test).Skip(1).Select(l => l.Split('\t')[0]).ToList();
        CollectionAssert.AreEqual(inputIds, predictions.Skip(1).Select(l => l.Split('\t')[0]).ToList(), "ids in input order");

        var output = new StringWriter();
        var originalOut = Console.Out;
        Console.SetOut(output);
        try
        {
            Assert.AreEqual(0, CliApp.Run(["inspect", model]));
        }
        finally
        {
            Console.SetOut(originalOut);
        }

        var manifest = JsonNode.Parse(output.ToString())!;
        Assert.AreEqual(ModelManifest.ToolkitName, manifest["toolkit"]!.GetValue<string>());
        Assert.AreEqual("sentiment", manifest["labelColumn"]!.GetValue<string>());
    }

    [TestMethod]
    public void Regression_train_and_evaluate_print_and_report_rmse_mae_and_r2()
    {
        using var temp = new TempDirectory();
        var train = DemoSubset(temp, "train.tsv", 0, 400);
        var test = DemoSubset(temp, "test.tsv", 400, 100);
        var model = temp.File("likes.zip");
        var (code, printed, error) = CliRunner.RunWithOutput("train", "--preset", "fast", "--dataset", train, "--label", "likes", "--task", "Regression", "--ignore", "shares",
            "--modalities", "text,metadata", "--output", model, "--report", temp.File("report.json"));
        Assert.AreEqual(0, code, error);
        AssertRegressionMetrics(JsonNode.Parse(File.ReadAllText(temp.File("report.json")))!["metrics"]!, printed, expectedCount: null);

        (code, printed, error) = CliRunner.RunWithOutput("evaluate", "--model", model, "--dataset", test, "--report", temp.File("eval.json"));
        Assert.AreEqual(0, code, error);
        AssertRegressionMetrics(JsonNode.Parse(File.ReadAllText(temp.File("eval.json")))!["metrics"]!, printed, expectedCount: 100);
    }

    [TestMethod]
    public void Min_lead_se_reaches_both_checks_and_a_bad_value_is_refused_by_its_flag_name()
    {
        // 1,000 standard errors: no tuned trial and no ensemble can clear it, so the start is refit alone. A negative
        // value is refused with the flag's name, before any trial runs.
        using var temp = new TempDirectory();
        var train = DemoSubset(temp, "train.tsv", 0, 200);
        var (code, printed, error) = CliRunner.RunWithOutput("train", "--dataset", train, "--label", "sentiment", "--modalities", "text", "--max-trials", "4",
            "--ensemble", "--min-lead-se", "1000", "--output", temp.File("strict.zip"), "--report", temp.File("strict.json"));
        Assert.AreEqual(0, code, error);
        var flat = printed.Replace("\n", " ", StringComparison.Ordinal);
        Assert.IsTrue(flat.Contains("No ensemble", StringComparison.Ordinal), printed);
        Assert.IsTrue(JsonNode.Parse(File.ReadAllText(temp.File("strict.json")))!["ensemble"] is null, "the start is saved alone");

        (code, _, error) = CliRunner.RunWithOutput("train", "--dataset", train, "--label", "sentiment", "--modalities", "text", "--max-trials", "2",
            "--min-lead-se", "-1", "--output", temp.File("bad.zip"));
        Assert.AreNotEqual(0, code);
        StringAssert.Contains(error, "--min-lead-se must be 0 or more");
        Assert.IsFalse(File.Exists(temp.File("bad.zip")));
    }

    /// <summary>The report's RMSE, MAE and R² are sane numbers, and the console shows the same three.</summary>
    private static void AssertRegressionMetrics(JsonNode metrics, string printed, int? expectedCount)
    {
        double rmse = metrics["rmse"]!.GetValue<double>(), mae = metrics["mae"]!.GetValue<double>(), r2 = metrics["r2"]!.GetValue<double>();
        Assert.IsTrue(double.IsFinite(rmse) && double.IsFinite(mae) && double.IsFinite(r2), $"{rmse} {mae} {r2}");
        Assert.IsTrue(rmse >= mae && mae > 0, $"RMSE {rmse} is never below MAE {mae}");
        Assert.IsLessThanOrEqualTo(1.0, r2);
        Assert.IsNull(metrics["accuracy"], "a regression report has no classification metrics");
        if (expectedCount is { } count)
        {
            Assert.AreEqual(count, metrics["count"]!.GetValue<int>());
        }

        string F(double value) => value.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture);
        StringAssert.Contains(printed, $"RMSE {F(rmse)}   MAE {F(mae)}   R² {F(r2)}");
    }

    [TestMethod]
    public void An_unknown_label_column_fails_with_its_name_and_no_stack_trace()
    {
        using var temp = new TempDirectory();
        var train = DemoSubset(temp, "train.tsv", 0, 50);
        var (code, error) = Run("train", "--dataset", train, "--label", "mood", "--output", temp.File("m.zip"));
        Assert.AreEqual(1, code);
        StringAssert.Contains(error, "mood");
        Assert.IsFalse(error.Contains("   at ", StringComparison.Ordinal), error);
        Assert.IsFalse(File.Exists(temp.File("m.zip")));
    }

    [TestMethod]
    public void Inspect_on_a_file_that_is_not_a_model_fails_clearly()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("x.zip"), "hello");
        var (code, error) = Run("inspect", temp.File("x.zip"));
        Assert.AreEqual(1, code);
        StringAssert.Contains(error, "not a CrossModalML model");
    }
}
