using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CrossModalML.Cli;
using CrossModalML.Tests.TestSupport;

namespace CrossModalML.Tests.Cli;

[TestClass]
[DoNotParallelize]
public sealed class MultiTaskCliTests
{
    /// <summary>Demo rows as a TSV with absolute image paths.</summary>
    private static (string Path, List<string> Users) DemoSubset(TempDirectory temp, string name, int skip, int rows)
    {
        var lines = File.ReadLines(RepositoryPaths.DemoPosts).ToList();
        var header = lines[0].Split('\t');
        int image = Array.IndexOf(header, "image");
        int user = Array.IndexOf(header, "user_id");
        var demoDirectory = Path.GetDirectoryName(RepositoryPaths.DemoPosts)!;
        var users = new List<string>();
        var body = lines.Skip(1 + skip).Take(rows).Select(line =>
        {
            var fields = line.Split('\t');
            users.Add(fields[user]);
            if (fields[image].Length > 0)
            {
                fields[image] = Path.Combine(demoDirectory, fields[image]);
            }

            return string.Join('\t', fields);
        }).ToList();
        var path = temp.File(name);
        File.WriteAllLines(path, body.Prepend(lines[0]));
        return (path, users.Distinct().ToList());
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] args) => CliRunner.RunWithOutput(args);

    [TestMethod]
    public void Train_evaluate_predict_inspect_and_explain_a_multi_task_model_without_writing_a_raw_user_id()
    {
        using var temp = new TempDirectory();
        var (train, users) = DemoSubset(temp, "train.tsv", 0, 500);
        var (test, testUsers) = DemoSubset(temp, "test.tsv", 500, 120);
        var model = temp.File("multi.zip");

        var (code, output, error) = Run("train", "--dataset", train, "--label", "sentiment,topic", "--evaluation", "HoldOut", "--stacking", "off",
            "--output", model, "--report", temp.File("train.json"));
        Assert.AreEqual(0, code, error);
        StringAssert.Contains(output, "Stacking not used: stacking is off: no head reads another task's predictions.");
        Assert.IsFalse(output.Contains("[/]", StringComparison.Ordinal), "no console markup is printed as text");
        var report = JsonNode.Parse(File.ReadAllText(temp.File("train.json")))!;
        Assert.AreEqual("sentiment", report["mainTask"]!.GetValue<string>());
        var tasks = report["tasks"]!.AsArray();
        CollectionAssert.AreEqual(new[] { "sentiment", "topic" }, tasks.Select(t => t!["name"]!.GetValue<string>()).ToArray());
        foreach (var task in tasks)
        {
            Assert.IsNotNull(task!["separateMetrics"], "each task is compared with a separate model");
            CollectionAssert.Contains(new[] { "better", "tie", "worse" }, task["versusSeparate"]!.GetValue<string>());
        }

        Assert.IsFalse(report["stacking"]!["used"]!.GetValue<bool>());

        (code, _, error) = Run("evaluate", "--model", model, "--dataset", test, "--report", temp.File("evaluate.json"));
        Assert.AreEqual(0, code, error);
        var evaluation = JsonNode.Parse(File.ReadAllText(temp.File("evaluate.json")))!["tasks"]!.AsArray();
        Assert.IsTrue(evaluation.Single(t => t!["name"]!.GetValue<string>() == "topic")!["metrics"]!["macroF1"]!.GetValue<double>() > 0.6);

        (code, _, error) = Run("predict", "--model", model, "--input", test, "--output", temp.File("predictions.tsv"));
        Assert.AreEqual(0, code, error);
        var predictions = File.ReadAllLines(temp.File("predictions.tsv"));
        var header = predictions[0].Split('\t');
        CollectionAssert.IsSubsetOf(new[] { "id", "sentiment.predicted_label", "topic.predicted_label", "topic.probability_food" }, header);
        Assert.AreEqual(121, predictions.Length);

        var (inspectCode, inspected, inspectError) = Run("inspect", model);
        Assert.AreEqual(0, inspectCode, inspectError);
        var manifest = JsonNode.Parse(inspected)!;
        Assert.AreEqual(2, manifest["tasks"]!.AsArray().Count);
        Assert.IsNotNull(manifest["userIdSaltId"]);

        (code, _, error) = Run("explain", "--model", model, "--dataset", test, "--rows", "120", "--posts", "4", "--repeats", "1", "--task", "topic",
            "--report", temp.File("explain.json"));
        Assert.AreEqual(0, code, error);
        var explainReport = JsonNode.Parse(File.ReadAllText(temp.File("explain.json")))!;
        Assert.AreEqual("topic", explainReport["global"]!["task"]!.GetValue<string>());
        Assert.AreEqual(
            evaluation.Single(t => t!["name"]!.GetValue<string>() == "topic")!["metrics"]!["macroF1"]!.GetValue<double>(),
            explainReport["global"]!["baseline"]!.GetValue<double>(),
            1e-9,
            "--task topic permutes against the topic task's quality, not the main task's");
        var explained = explainReport["posts"]!.AsArray();
        Assert.AreEqual(4, explained.Count);
        foreach (var post in explained)
        {
            StringAssert.StartsWith(post!["user"]!.GetValue<string>(), "user_", "authors appear as pseudonyms");
        }

        // No saved artefact names a user by their raw id (the text dictionary aside, which only scrubbing cleans).
        var artefacts = new[] { "train.json", "evaluate.json", "predictions.tsv", "explain.json" }.Select(f => File.ReadAllText(temp.File(f))).Append(inspected);
        foreach (var user in users.Concat(testUsers).Distinct())
        {
            foreach (var text in artefacts)
            {
                Assert.IsFalse(text.Contains($"\"{user}\"", StringComparison.Ordinal) || text.Contains($"\t{user}\t", StringComparison.Ordinal), $"user id {user} written out");
            }
        }
    }

    [TestMethod]
    public void Head_modalities_put_the_topic_head_on_the_text_and_the_table_says_its_separate_model_reads_more()
    {
        using var temp = new TempDirectory();
        var (train, _) = DemoSubset(temp, "train.tsv", 0, 300);
        var model = temp.File("classic.zip");

        var (code, output, error) = Run("train", "--preset", "fast", "--dataset", train, "--label", "sentiment,topic", "--head-modalities", "topic=text",
            "--evaluation", "HoldOut", "--stacking", "off", "--output", model, "--report", temp.File("train.json"), "--width", "80");
        Assert.AreEqual(0, code, error);
        var tasks = JsonNode.Parse(File.ReadAllText(temp.File("train.json")))!["tasks"]!.AsArray();
        var topic = tasks.Single(t => t!["name"]!.GetValue<string>() == "topic")!;
        var sentiment = tasks.Single(t => t!["name"]!.GetValue<string>() == "sentiment")!;
        Assert.AreEqual("text", topic["modalities"]!.GetValue<string>());
        Assert.IsTrue(topic["readsSomeModalities"]!.GetValue<bool>());
        Assert.AreEqual("text+image+metadata", sentiment["modalities"]!.GetValue<string>());
        Assert.IsFalse(sentiment["readsSomeModalities"]!.GetValue<bool>());
        Assert.AreEqual("tie", sentiment["versusSeparate"]!.GetValue<string>(), "an unrestricted, unstacked head given its trainer is its separate model");

        var words = Regex.Replace(output, @"\s+", " ");
        StringAssert.Contains(words, "reads: text*");
        StringAssert.Contains(words, "text only, separate on text+image+metadata");
        StringAssert.Contains(words, "every separate model reads all of them (text+image+metadata)");
        foreach (var line in output.Split('\n'))
        {
            Assert.IsTrue(line.TrimEnd('\r').Length <= 80, $"wider than 80 columns: '{line}'");
        }

        var (inspectCode, inspected, inspectError) = Run("inspect", model);
        Assert.AreEqual(0, inspectCode, inspectError);
        var saved = JsonNode.Parse(inspected)!["tasks"]!.AsArray();
        Assert.AreEqual("Text", saved.Single(t => t!["name"]!.GetValue<string>() == "topic")!["modalities"]!.GetValue<string>());
    }

    [TestMethod]
    public void A_head_modality_the_data_has_no_block_of_fails_naming_the_flag()
    {
        using var temp = new TempDirectory();
        var (train, _) = DemoSubset(temp, "train.tsv", 0, 100);

        var (code, _, error) = Run("train", "--preset", "fast", "--dataset", train, "--label", "sentiment,topic", "--ignore", "image", "--head-modalities", "topic=image",
            "--evaluation", "None", "--output", temp.File("m.zip"));
        Assert.AreEqual(1, code);
        StringAssert.Contains(error, "--head-modalities gives task 'topic' the modality Image");
        Assert.IsFalse(File.Exists(temp.File("m.zip")));
    }
}
