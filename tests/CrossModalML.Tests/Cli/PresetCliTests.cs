using System.Text.Json.Nodes;
using CrossModalML.Packaging;
using CrossModalML.Tests.TestSupport;

namespace CrossModalML.Tests.Cli;

[TestClass]
[DoNotParallelize]
public sealed class PresetCliTests
{
    /// <summary>200 demo posts whose images are folded onto 20 files, ten posts per image.</summary>
    internal static string SharedImagePosts(TempDirectory temp)
    {
        var path = CliTests.DemoSubset(temp, "all.tsv", 0, 200);
        var lines = File.ReadAllLines(path);
        int image = Array.IndexOf(lines[0].Split('\t'), "image");
        var images = lines.Skip(1).Select(l => l.Split('\t')[image]).Where(p => p.Length > 0).Distinct().Take(20).ToList();
        var shared = lines.Skip(1).Select((line, i) =>
        {
            var fields = line.Split('\t');
            fields[image] = images[i % images.Count];
            return string.Join('\t', fields);
        });
        var output = temp.File("shared.tsv");
        File.WriteAllLines(output, shared.Prepend(lines[0]));
        return output;
    }

    [TestMethod]
    public void Train_groups_posts_that_share_images_by_default_in_its_search_and_group_by_none_turns_it_off()
    {
        using var temp = new TempDirectory();
        var posts = SharedImagePosts(temp);

        var (code, error) = CliRunner.Run("train", "--preset", "fast", "--dataset", posts, "--label", "sentiment", "--max-trials", "1", "--modalities", "text,image",
            "--output", temp.File("grouped.zip"), "--report", temp.File("grouped.json"));
        Assert.AreEqual(0, code, error);
        var report = JsonNode.Parse(File.ReadAllText(temp.File("grouped.json")))!;
        StringAssert.Contains(report["evaluation"]!.GetValue<string>(), "grouped by 'image'");
        Assert.IsNotNull(report["metrics"]!["weightedF1"], "reports carry weighted F1");
        Assert.AreEqual("LbfgsMaximumEntropy", ModelPackage.ReadManifest(temp.File("grouped.zip")).Trainer.Name, "the search's first trial is the single fit's trainer");

        (code, error) = CliRunner.Run("train", "--preset", "fast", "--dataset", posts, "--label", "sentiment", "--max-trials", "1", "--modalities", "text,image", "--group-by", "none",
            "--output", temp.File("random.zip"), "--report", temp.File("random.json"));
        Assert.AreEqual(0, code, error);
        StringAssert.Contains(JsonNode.Parse(File.ReadAllText(temp.File("random.json")))!["evaluation"]!.GetValue<string>(), "stratified");
    }
}
