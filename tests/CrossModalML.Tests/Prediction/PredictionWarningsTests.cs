using CrossModalML.Prediction;
using CrossModalML.Tests.TestSupport;

namespace CrossModalML.Tests.Prediction;

[TestClass]
public sealed class PredictionWarningsTests
{
    [TestMethod]
    public void A_single_post_whose_image_is_missing_carries_a_warning_naming_the_image()
    {
        using var predictor = CrossModalPredictor.Load(DemoModel.ModelPath);

        var prediction = predictor.Predict(new Dictionary<string, string?> { ["text"] = "great day", ["image"] = "no/such/image.png" });

        Assert.AreEqual(1, prediction.Warnings.Count);
        StringAssert.Contains(prediction.Warnings[0], "image.png");
        StringAssert.Contains(prediction.Warnings[0], "scored without the image");
    }

    [TestMethod]
    public void A_post_whose_image_exists_or_names_none_has_no_warnings()
    {
        using var predictor = CrossModalPredictor.Load(DemoModel.ModelPath);
        var image = Path.Combine(Path.GetDirectoryName(RepositoryPaths.DemoPosts)!, "images", "00001.png");

        Assert.AreEqual(0, predictor.Predict(new Dictionary<string, string?> { ["text"] = "great day", ["image"] = image }).Warnings.Count);
        Assert.AreEqual(0, predictor.Predict(new Dictionary<string, string?> { ["text"] = "great day" }).Warnings.Count);
    }

    [TestMethod]
    public void Scoring_a_file_warns_exactly_the_rows_whose_images_are_gone()
    {
        using var temp = new TempDirectory();
        var lines = File.ReadLines(RepositoryPaths.DemoPosts).Take(6).ToList();
        int image = Array.IndexOf(lines[0].Split('\t'), "image");
        var demo = Path.GetDirectoryName(RepositoryPaths.DemoPosts)!;
        var rows = lines.Skip(1).Select((line, i) =>
        {
            var fields = line.Split('\t');
            fields[image] = i % 2 == 0 ? Path.Combine(demo, fields[image]) : temp.File($"gone-{i}.png");
            return string.Join('\t', fields);
        });
        var path = temp.File("posts.tsv");
        File.WriteAllLines(path, rows.Prepend(lines[0]));
        using var predictor = CrossModalPredictor.Load(DemoModel.ModelPath);

        var predictions = predictor.Predict(predictor.LoadInput(path));

        CollectionAssert.AreEqual(new[] { 0, 1, 0, 1, 0 }, predictions.Select(p => p.Warnings.Count).ToArray());
        StringAssert.Contains(predictions[1].Warnings[0], "gone-1.png");
    }
}
