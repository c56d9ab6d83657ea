using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CrossModalML.Cli;
using CrossModalML.Tests.TestSupport;

namespace CrossModalML.Tests.Cli;

/// <summary>What the commands print, read as a log would read it: at 80 columns, piped, with no word broken across lines.</summary>
[TestClass]
[DoNotParallelize]
public sealed partial class ConsoleLayoutCliTests
{
    private const int Width = 80;
    private static TempDirectory? _temp;
    private static string _train = string.Empty;
    private static string _test = string.Empty;
    private static string _small = string.Empty;
    private static string _model = string.Empty;
    private static string _trainOutput = string.Empty;

    [ClassInitialize]
    public static void TrainOnce(TestContext context)
    {
        _temp = new TempDirectory();
        _train = CliTests.DemoSubset(_temp, "train.tsv", 0, 300);
        _test = CliTests.DemoSubset(_temp, "test.tsv", 300, 100);
        _small = CliTests.DemoSubset(_temp, "small.tsv", 400, 150);
        _model = _temp.File("model.zip");
        var (code, output, error) = Run(
            "train", "--preset", "fast", "--dataset", _train, "--label", "sentiment", "--evaluation", "HoldOut", "--output", _model, "--report", _temp.File("single.json"), "--width", "80");
        Assert.AreEqual(0, code, error);
        _trainOutput = output;
    }

    [ClassCleanup]
    public static void Cleanup() => _temp?.Dispose();

    [TestMethod]
    public void Train_prints_metrics_and_a_confusion_matrix_that_fit_80_columns()
    {
        var report = _temp!.File("single.json");
        var output = _trainOutput;

        var json = JsonNode.Parse(File.ReadAllText(report))!;
        var classes = json["classLabels"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
        AssertReadable(output, [json["trainer"]!["name"]!.GetValue<string>(), .. classes, .. FilePathTokens()]);
        StringAssert.Contains(output, "Confusion matrix (rows: true class, columns: predicted class):");
        var matrix = json["metrics"]!["confusionMatrix"]!.AsArray();
        var counts = string.Join(" ", matrix[0]!.AsArray().Select(n => n!.GetValue<int>().ToString("N0", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.IsTrue(
            output.Split('\n').Any(l => Regex.Replace(l.Trim(), @"\s+", " ") == $"{classes[0]} {counts}"),
            $"the first row of the confusion matrix, '{classes[0]} {counts}', is printed as a table row:\n{output}");
    }

    [TestMethod]
    public void A_two_trial_search_prints_its_leaderboard_and_featurizer_legend_at_80_columns()
    {
        var report = _temp!.File("search.json");
        var (code, output, error) = Run(
            "train", "--preset", "fast", "--dataset", _small, "--label", "sentiment", "--max-trials", "2", "--evaluation", "HoldOut", "--output", _temp.File("search.zip"), "--report", report, "--width", "80");

        Assert.AreEqual(0, code, error);
        var leaderboard = JsonNode.Parse(File.ReadAllText(report))!["leaderboard"]!.AsArray();
        var tokens = leaderboard.SelectMany(t => t!["status"]!.GetValue<string>() == "Completed"
            ? [t["trainer"]!.GetValue<string>(), t["score"]!.GetValue<double>().ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture)]
            : new[] { t["trainer"]!.GetValue<string>(), t["status"]!.GetValue<string>() }).ToList();
        AssertReadable(output, [.. tokens, "LbfgsMaximumEntropy"]);
        StringAssert.Contains(output, "Featurizer codes:");
        // A trial line may wrap between words at 80 columns, so its words are matched with the line breaks folded.
        var folded = Regex.Replace(output, @"\s+", " ");
        StringAssert.Matches(folded, new Regex(@"#1 \S+ \(default configuration\): [^#]*1/2 trials"), "trial 1 is named the default configuration and trial lines count the trials against the budget");
        StringAssert.Matches(folded, new Regex(@"#2 \S+: [^#]*2/2 trials"), "a later trial is not called the default");
        StringAssert.Matches(folded, new Regex(@"best \d\.\d{4} \(#\d\)"), "trial lines name the best so far");
    }

    [TestMethod]
    public void Evaluate_prints_metrics_and_a_confusion_matrix_at_80_columns()
    {
        var (code, output, error) = Run("evaluate", "--model", _model, "--dataset", _test, "--width", "80");

        Assert.AreEqual(0, code, error);
        AssertReadable(output, ["negative", "neutral", "positive", "precision", "support"]);
        StringAssert.Contains(output, "Confusion matrix");
    }

    [TestMethod]
    public void Explain_prints_importances_and_post_lines_at_80_columns()
    {
        var (code, output, error) = Run("explain", "--model", _model, "--dataset", _test, "--rows", "60", "--posts", "3", "--repeats", "1", "--width", "80");

        Assert.AreEqual(0, code, error);
        AssertReadable(output, ["modality", "column", "text", "image"]);
        Assert.AreEqual(3, PostIds().Matches(output).Select(m => m.Value).Distinct().Count(), output);
    }

    [TestMethod]
    public void Search_query_and_patterns_print_whole_post_ids_and_terms_at_80_columns()
    {
        var space = _temp!.File("space.zip");
        var (code, output, error) = Run("search", "fit", "--dataset", _small, "--output", space, "--builtin-features", "--components", "8", "--width", "80");
        Assert.AreEqual(0, code, error);
        AssertReadable(output, ["least", "squares", "random", "R@10"]);

        (code, output, error) = Run("search", "query", "--space", space, "--text", "what a sunny day at the beach", "--top", "5", "--width", "80");
        Assert.AreEqual(0, code, error);
        AssertReadable(output, ["rank", "cosine"]);
        Assert.AreEqual(5, PostIds().Matches(output).Count, output);

        (code, output, error) = Run("patterns", "--dataset", _small, "--label", "topic", "--ignore", "sentiment", "--topics", "3", "--clusters", "3", "--width", "80");
        Assert.AreEqual(0, code, error);
        AssertReadable(output, ["cluster", "posts", "sports", "music"]);
        Assert.IsTrue(PostIds().Matches(output).Count >= 3, "representative posts are printed whole");
    }

    [TestMethod]
    public void Output_follows_the_width_flag_and_never_writes_colour_codes_when_piped()
    {
        var (code, output, error) = Run("evaluate", "--model", _model, "--dataset", _test, "--width", "40");

        Assert.AreEqual(0, code, error);
        AssertReadable(output, ["negative", "neutral", "positive"], width: 40);
        StringAssert.Contains(output, "class: negative", "at 40 columns the per-class table turns into key: value blocks");

        (code, _, error) = Run("evaluate", "--model", _model, "--dataset", _test, "--width", "12");
        Assert.AreEqual(1, code);
        StringAssert.Contains(error, "--width must be at least 40");
    }

    [TestMethod]
    public void Predict_counts_the_posts_scored_without_their_image_and_strict_images_fails()
    {
        var lines = File.ReadAllLines(_test).Take(11).ToList();
        int image = Array.IndexOf(lines[0].Split('\t'), "image");
        var input = _temp!.File("gone.tsv");
        File.WriteAllLines(input, lines.Select((line, i) =>
        {
            var fields = line.Split('\t');
            if (i > 0 && i <= 4)
            {
                fields[image] = _temp.File($"gone-{i}.png");
            }

            return string.Join('\t', fields);
        }));

        var (code, output, error) = Run("predict", "--model", _model, "--input", input, "--output", _temp.File("gone-predictions.tsv"), "--width", "80");
        Assert.AreEqual(0, code, error);
        StringAssert.Contains(output, "4 of 10 posts were scored without their image");
        StringAssert.Contains(output, "gone-1.png");

        (code, _, error) = Run("predict", "--model", _model, "--input", input, "--output", _temp.File("strict.tsv"), "--strict-images");
        Assert.AreEqual(1, code);
        StringAssert.Contains(error, "gone-1.png");
    }

    [TestMethod]
    public void Predict_on_labelled_posts_adds_the_true_label_and_whether_each_prediction_is_right()
    {
        var predictions = _temp!.File("labelled-predictions.tsv");
        var (code, output, error) = Run("predict", "--model", _model, "--input", _test, "--output", predictions, "--width", "80");
        Assert.AreEqual(0, code, error);

        var rows = File.ReadAllLines(predictions).Select(l => l.Split('\t')).ToList();
        var header = rows[0].ToList();
        CollectionAssert.AreEqual(new[] { "sentiment", "correct" }, header.TakeLast(2).ToList());
        var truth = File.ReadAllLines(_test).Skip(1).Select(l => l.Split('\t')[Array.IndexOf(File.ReadLines(_test).First().Split('\t'), "sentiment")]).ToList();
        CollectionAssert.AreEqual(truth, rows.Skip(1).Select(r => r[header.IndexOf("sentiment")]).ToList(), "each row carries its own true label");
        foreach (var row in rows.Skip(1))
        {
            Assert.AreEqual(row[header.IndexOf("predicted_label")] == row[header.IndexOf("sentiment")] ? "true" : "false", row[header.IndexOf("correct")]);
        }

        (code, _, error) = Run("evaluate", "--model", _model, "--dataset", _test, "--report", _temp.File("labelled-evaluate.json"));
        Assert.AreEqual(0, code, error);
        var accuracy = JsonNode.Parse(File.ReadAllText(_temp.File("labelled-evaluate.json")))!["metrics"]!["accuracy"]!.GetValue<double>();
        StringAssert.Contains(output, $"Accuracy on the 100 labelled posts: {accuracy.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture)}");
        Assert.IsFalse(output.Contains("seen data", StringComparison.Ordinal), output);
        AssertReadable(output, ["Accuracy"]);

        (code, output, error) = Run("predict", "--model", _model, "--input", _train, "--output", _temp.File("seen-predictions.tsv"), "--width", "200");
        Assert.AreEqual(0, code, error);
        StringAssert.Contains(Regex.Replace(output, @"\s+", " "), "this accuracy is measured on seen data", "the evaluate's seen-data warning, lines folded");

        var unlabelled = _temp.File("unlabelled.tsv");
        int label = Array.IndexOf(File.ReadLines(_test).First().Split('\t'), "sentiment");
        File.WriteAllLines(unlabelled, File.ReadLines(_test).Select(l => string.Join('\t', l.Split('\t').Where((_, i) => i != label))));
        (code, output, error) = Run("predict", "--model", _model, "--input", unlabelled, "--output", _temp.File("unlabelled-predictions.tsv"));
        Assert.AreEqual(0, code, error);
        Assert.IsFalse(File.ReadLines(_temp.File("unlabelled-predictions.tsv")).First().Contains("correct", StringComparison.Ordinal));
        Assert.IsFalse(output.Contains("Accuracy on", StringComparison.Ordinal), output);
    }

    [TestMethod]
    public void Multi_task_without_stacking_says_each_head_is_its_separate_model_and_lists_task_labels_as_labels()
    {
        var (code, output, error) = Run(
            "train", "--dataset", _small, "--label", "sentiment,topic", "--stacking", "off", "--evaluation", "HoldOut", "--output", _temp!.File("multi.zip"), "--width", "80");

        Assert.AreEqual(0, code, error);
        AssertReadable(output, ["sentiment", "topic", "multi-task", "separate"]);
        StringAssert.Contains(output, "topic: Label (a task of this multi-task model, never a feature)");
        Assert.IsFalse(output.Contains("topic: Ignore", StringComparison.Ordinal), output);
        StringAssert.Contains(output, "identical by construction");
        StringAssert.Contains(Regex.Replace(output, @"\s+", " "), "the multi-task model here saves featurization");
    }

    /// <summary>Every line fits, nothing is coloured, and each expected token appears whole on one line.</summary>
    private static void AssertReadable(string output, IEnumerable<string> tokens, int width = Width)
    {
        Assert.IsFalse(output.Contains('\u001b'), "no ANSI escape codes when output is piped");
        var lines = output.Replace("\r", string.Empty).Split('\n');
        foreach (var line in lines)
        {
            Assert.IsTrue(line.TrimEnd().Length <= width, $"line longer than {width} columns ({line.TrimEnd().Length}):\n{line}");
        }

        foreach (var token in tokens)
        {
            Assert.IsTrue(lines.Any(l => l.Contains(token, StringComparison.Ordinal)), $"'{token}' is not printed whole on any line:\n{output}");
        }

        // A post id (p + five digits) cut by a line break would leave a shorter p-number at a line's end or start.
        foreach (var line in lines)
        {
            Assert.IsFalse(BrokenPostId().IsMatch(line), $"a post id is broken across lines:\n{line}");
        }
    }

    private static string[] FilePathTokens() => [Path.GetFileName(_train)];

    [GeneratedRegex(@"\bp\d{5}\b")]
    private static partial Regex PostIds();

    [GeneratedRegex(@"(^|\s)p\d{1,4}(\s|$)")]
    private static partial Regex BrokenPostId();

    private static (int ExitCode, string Output, string Error) Run(params string[] args) => CliRunner.RunWithOutput(args);
}
