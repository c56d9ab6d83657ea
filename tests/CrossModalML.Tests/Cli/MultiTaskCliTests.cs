using System.Text.Json.Nodes;
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

        var (code, _, error) = Run("train", "--dataset", train, "--label", "sentiment,topic", "--evaluation", "HoldOut", "--stacking", "off",
            "--output", model, "--report", temp.File("train.json"));
        Assert.AreEqual(0, code, error);
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
}
