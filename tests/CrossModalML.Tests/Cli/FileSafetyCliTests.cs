using CrossModalML.Tests.TestSupport;

namespace CrossModalML.Tests.Cli;

/// <summary>No run writes over its inputs, a failed run leaves existing outputs byte-identical, and options are checked
/// before any data is read.</summary>
[TestClass]
[DoNotParallelize]
public sealed class FileSafetyCliTests
{
    private static (int ExitCode, string Error) Run(params string[] args) => CliRunner.Run(args);

    private static void AssertRefused((int ExitCode, string Error) result, params string[] expected)
    {
        Assert.AreEqual(1, result.ExitCode, result.Error);
        foreach (var text in expected)
        {
            StringAssert.Contains(result.Error, text);
        }
    }

    [TestMethod]
    public void Train_refuses_an_output_or_report_that_is_the_data_set_and_leaves_it_byte_identical()
    {
        using var temp = new TempDirectory();
        var data = CliTests.DemoSubset(temp, "v.tsv", 0, 60);
        var test = CliTests.DemoSubset(temp, "t.tsv", 60, 30);
        var bytes = File.ReadAllBytes(data);
        var testBytes = File.ReadAllBytes(test);

        AssertRefused(Run("train", "--dataset", data, "--label", "sentiment", "--output", data), "--output", "--dataset", data, "never writes over its own input");
        AssertRefused(Run("train", "--dataset", data, "--label", "sentiment", "--output", temp.File("m.zip"), "--report", data), "--report", "--dataset");
        AssertRefused(Run("train", "--dataset", data, "--label", "sentiment", "--test-dataset", test, "--output", test), "--output", "--test-dataset");

        CollectionAssert.AreEqual(bytes, File.ReadAllBytes(data));
        CollectionAssert.AreEqual(testBytes, File.ReadAllBytes(test));
        Assert.IsFalse(File.Exists(temp.File("m.zip")), "nothing was trained");
    }

    [TestMethod]
    public void An_output_reaching_an_input_through_a_link_or_dot_segments_is_refused()
    {
        using var temp = new TempDirectory();
        var data = CliTests.DemoSubset(temp, "v.tsv", 0, 60);
        var bytes = File.ReadAllBytes(data);
        var folderLink = temp.File("alias");
        Directory.CreateSymbolicLink(folderLink, temp.Path);

        AssertRefused(Run("train", "--dataset", data, "--label", "sentiment", "--output", Path.Combine(folderLink, "v.tsv")), "--output", "--dataset", "(both are");
        AssertRefused(Run("train", "--dataset", data, "--label", "sentiment", "--output", Path.Combine(temp.Path, "x", "..", "v.tsv")), "--output", "--dataset");

        CollectionAssert.AreEqual(bytes, File.ReadAllBytes(data));
    }

    [TestMethod]
    public void Retrain_evaluate_and_predict_refuse_to_write_over_their_inputs()
    {
        using var temp = new TempDirectory();
        var data = CliTests.DemoSubset(temp, "v.tsv", 0, 60);
        var bytes = File.ReadAllBytes(data);
        var model = DemoModel.ModelPath;
        var modelBytes = File.ReadAllBytes(model);

        AssertRefused(Run("retrain", "--model", model, "--dataset", data, "--output", data), "--output", "--dataset");
        AssertRefused(Run("retrain", "--model", model, "--dataset", data, "--output", model), "--output", "--model");
        AssertRefused(Run("evaluate", "--model", model, "--dataset", data, "--report", data), "--report", "--dataset");
        AssertRefused(Run("predict", "--model", model, "--input", data, "--output", data), "--output", "--input");
        AssertRefused(Run("explain", "--model", model, "--dataset", data, "--report", model), "--report", "--model");

        CollectionAssert.AreEqual(bytes, File.ReadAllBytes(data), "predict used to truncate its input to 0 bytes");
        CollectionAssert.AreEqual(modelBytes, File.ReadAllBytes(model));
    }

    [TestMethod]
    public void A_failing_predict_leaves_an_existing_output_byte_identical()
    {
        using var temp = new TempDirectory();
        var output = temp.File("predictions.tsv");
        File.WriteAllText(output, "id\tpredicted_label\nold\tpositive\n");
        var before = File.ReadAllBytes(output);

        // A typo in --input, an input without the model's columns, and a bad row after the first chunk was scored.
        AssertRefused(Run("predict", "--model", DemoModel.ModelPath, "--input", temp.File("typo.tsv"), "--output", output), "typo.tsv");
        var lines = File.ReadAllLines(CliTests.DemoSubset(temp, "all.tsv", 0, 40));
        var header = lines[0].Split('\t');
        int text = Array.IndexOf(header, "text");
        var noText = temp.File("no-text.tsv");
        File.WriteAllLines(noText, lines.Select(l => string.Join('\t', l.Split('\t').Where((_, i) => i != text))));
        AssertRefused(Run("predict", "--model", DemoModel.ModelPath, "--input", noText, "--output", output), "text");
        var badRow = temp.File("bad-row.tsv");
        File.WriteAllLines(badRow, lines.Take(31).Append("p99999\tonly two fields"));
        AssertRefused(Run("predict", "--model", DemoModel.ModelPath, "--input", badRow, "--output", output, "--chunk-size", "10"), "line 32");

        CollectionAssert.AreEqual(before, File.ReadAllBytes(output));
        Assert.AreEqual(0, Directory.GetFiles(temp.Path, "*.tmp").Length, "no temporary file is left");

        var (code, error) = Run("predict", "--model", DemoModel.ModelPath, "--input", CliTests.DemoSubset(temp, "ok.tsv", 0, 25), "--output", output);
        Assert.AreEqual(0, code, error);
        Assert.AreEqual(26, File.ReadAllLines(output).Length, "a successful run replaces the output");
        Assert.AreEqual(0, Directory.GetFiles(temp.Path, ".*.tmp").Length);
    }

    [TestMethod]
    public void A_bad_output_path_is_found_before_any_data_is_read()
    {
        using var temp = new TempDirectory();
        var data = CliTests.DemoSubset(temp, "v.tsv", 0, 60);
        Directory.CreateDirectory(temp.File("folder.zip"));
        File.WriteAllText(temp.File("plain-file"), "x");

        AssertRefused(Run("train", "--dataset", data, "--label", "sentiment", "--output", temp.File("folder.zip")), "--output", "is a folder");
        AssertRefused(Run("train", "--dataset", data, "--label", "sentiment", "--output", temp.File("m.zip"), "--report", Path.Combine(temp.File("plain-file"), "r.json")), "--report", "is a file, not a folder");
        AssertRefused(Run("codegen", "--model", DemoModel.ModelPath, "--output", temp.File("plain-file")), "--output", "is a file");

        Assert.IsFalse(File.Exists(temp.File("m.zip")), "the run stopped before training");
    }

    [TestMethod]
    public void Options_are_checked_before_the_data_set_is_read_and_named_by_their_flags()
    {
        using var temp = new TempDirectory();
        var missing = temp.File("no-such-file.tsv");
        string[] Train(params string[] extra) => ["train", "--dataset", missing, "--label", "sentiment", "--output", temp.File("m.zip"), .. extra];

        AssertRefused(Run(Train("--time", "-5")), "--time must be positive");
        AssertRefused(Run(Train("--time", "NaN")), "--time must be positive");
        AssertRefused(Run(Train("--max-trials", "0")), "--max-trials must be at least 1");
        AssertRefused(Run(Train("--folds", "1")), "--folds must be at least 2");
        AssertRefused(Run(Train("--test-fraction", "1.5")), "--test-fraction must be between 0 and 1");
        AssertRefused(Run(Train("--trial-memory", "0", "--time", "10")), "--trial-memory must be at least 1");
        AssertRefused(Run(Train("--trainer", "LightGbm", "--max-trials", "3")), "--trainer fixes the trainer");
        AssertRefused(Run(Train("--group-by", "user_id", "--time-split", "timestamp")), "--group-by", "--time-split");
        var (_, stacking) = Run(Train("--stacking-folds", "1"));
        StringAssert.Contains(stacking, "--stacking-folds must be at least 2");
        Assert.IsFalse(stacking.Contains("TrainingOptions", StringComparison.Ordinal), stacking);
        Assert.IsFalse(stacking.Contains("Parameter", StringComparison.Ordinal), stacking);

        AssertRefused(Run("retrain", "--model", missing, "--dataset", missing, "--output", temp.File("n.zip"), "--test-fraction", "0"), "--test-fraction must be between 0 and 1");
        AssertRefused(Run("explain", "--model", missing, "--dataset", missing, "--rows", "0"), "--rows must be at least 1");
        AssertRefused(Run("users", "--dataset", missing, "--min-posts", "0"), "--min-posts must be at least 1");
        AssertRefused(Run("trends", "--dataset", missing, "--backtest", "-1"), "--backtest must be at least 0");
        AssertRefused(Run("patterns", "--dataset", missing, "--topics", "500"), "--topics must be between 0 and 200");
        AssertRefused(Run("search", "fit", "--dataset", missing, "--output", temp.File("s.zip"), "--test-fraction", "2"), "--test-fraction must be between 0 and 1");
    }

    [TestMethod]
    public void A_hold_out_with_no_test_rows_fails_instead_of_printing_zero_metrics()
    {
        using var temp = new TempDirectory();
        var data = temp.File("tiny.tsv");
        File.WriteAllText(data, "id\ttext\tlabel\n1\tgreat day\tpos\n2\tawful day\tneg\n3\tsome day\tneu\n");

        AssertRefused(Run("train", "--dataset", data, "--label", "label", "--evaluation", "HoldOut", "--output", temp.File("m.zip")), "no test rows", "--evaluation CrossValidation");

        Assert.IsFalse(File.Exists(temp.File("m.zip")));
    }

    [TestMethod]
    public void A_folder_given_as_the_data_set_or_the_model_says_it_is_a_folder()
    {
        using var temp = new TempDirectory();

        AssertRefused(Run("train", "--dataset", temp.Path, "--label", "sentiment", "--output", temp.File("m.zip")), "is a folder, not a post file");
        AssertRefused(Run("inspect", temp.Path), "is a folder, not a model file");
    }
}
