using System.Text.Json.Nodes;
using CrossModalML.Cli;
using CrossModalML.Tests.TestSupport;

namespace CrossModalML.Tests.Cli;

[TestClass]
[DoNotParallelize]
public sealed class FusionCliTests
{
    [TestMethod]
    public void Train_with_late_fusion_reports_modality_weights_macro_f1_and_per_class_recall()
    {
        using var temp = new TempDirectory();
        var lines = File.ReadLines(RepositoryPaths.DemoPosts).Take(401).ToList();
        var images = Path.Combine(Path.GetDirectoryName(RepositoryPaths.DemoPosts)!, "images") + "/";
        var train = temp.File("train.tsv");
        File.WriteAllLines(train, lines.Take(1).Concat(lines.Skip(1).Select(l => l.Replace("\timages/", "\t" + images, StringComparison.Ordinal))));
        var report = temp.File("late.json");

        int code = CliApp.Run(["train", "--preset", "fast", "--dataset", train, "--label", "sentiment", "--fusion", "late", "--stacking-folds", "3",
            "--evaluation", "HoldOut", "--output", temp.File("late.zip"), "--report", report]);

        Assert.AreEqual(0, code);
        var json = JsonNode.Parse(File.ReadAllText(report))!;
        Assert.AreEqual("Late", json["fusion"]!["kind"]!.GetValue<string>());
        var weights = json["fusion"]!["modalityWeights"]!.AsArray();
        Assert.AreEqual(3, weights.Count);
        Assert.AreEqual(1.0, weights.Sum(w => w!["weight"]!.GetValue<double>()), 1e-9);
        Assert.IsNotNull(json["metrics"]!["macroF1"]);
        Assert.AreEqual(3, json["metrics"]!["perClass"]!.AsArray().Count(c => c!["recall"] is not null));
    }
}
