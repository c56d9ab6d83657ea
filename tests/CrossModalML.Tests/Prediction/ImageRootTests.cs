using CrossModalML.Prediction;
using CrossModalML.Tests.TestSupport;

namespace CrossModalML.Tests.Prediction;

[TestClass]
public sealed class ImageRootTests
{
    private static string DemoDirectory => Path.GetDirectoryName(RepositoryPaths.DemoPosts)!;

    private static CrossModalPredictor LoadWithRoot() =>
        CrossModalPredictor.Load(DemoModel.ModelPath, new PredictorOptions { AllowedImageRoot = Path.Combine(DemoDirectory, "images") });

    [TestMethod]
    public void A_relative_image_inside_the_root_is_scored_like_its_absolute_path()
    {
        using var predictor = LoadWithRoot();
        using var unrestricted = CrossModalPredictor.Load(DemoModel.ModelPath);
        var inside = predictor.Predict(new Dictionary<string, string?> { ["text"] = "what a day", ["image"] = "00001.png" });
        var absolute = unrestricted.Predict(new Dictionary<string, string?> { ["text"] = "what a day", ["image"] = Path.Combine(DemoDirectory, "images", "00001.png") });

        Assert.AreEqual(absolute.PredictedLabel, inside.PredictedLabel);
        Assert.AreEqual(absolute.Probabilities.Values.First(), inside.Probabilities.Values.First(), 1e-5f);
    }

    [TestMethod]
    public void Paths_that_escape_the_root_are_rejected_before_the_file_is_read()
    {
        using var predictor = LoadWithRoot();
        foreach (var path in new[] { "../posts.tsv", "/etc/passwd", Path.Combine(DemoDirectory, "posts.tsv"), "sub/../../posts.tsv" })
        {
            var error = Assert.ThrowsExactly<ImagePathException>(() => predictor.Predict(new Dictionary<string, string?> { ["text"] = "x", ["image"] = path }), path);
            StringAssert.Contains(error.Message, "outside the allowed image root");
            StringAssert.Contains(error.Message, "'image'");
        }
    }

    [TestMethod]
    public void Batches_typed_posts_and_json_apply_the_same_root()
    {
        using var predictor = LoadWithRoot();
        Assert.ThrowsExactly<ImagePathException>(() => predictor.PredictBatch([new Dictionary<string, string?> { ["text"] = "x", ["image"] = "../posts.tsv" }]));
        Assert.ThrowsExactly<ImagePathException>(() => predictor.PredictJson("{\"text\": \"x\", \"image\": \"/etc/passwd\"}"));
        Assert.ThrowsExactly<ImagePathException>(() => predictor.Predict(new TypedDemoPost { Text = "x", Image = "../../README.md" }));
    }

    [TestMethod]
    public void A_link_inside_the_root_to_a_file_outside_is_rejected()
    {
        using var temp = new TempDirectory();
        var root = Directory.CreateDirectory(temp.File("root")).FullName;
        File.CreateSymbolicLink(Path.Combine(root, "sneaky.png"), Path.Combine(DemoDirectory, "images", "00001.png"));
        using var predictor = CrossModalPredictor.Load(DemoModel.ModelPath, new PredictorOptions { AllowedImageRoot = root });

        var error = Assert.ThrowsExactly<ImagePathException>(() => predictor.Predict(new Dictionary<string, string?> { ["text"] = "x", ["image"] = "sneaky.png" }));
        StringAssert.Contains(error.Message, "link");
    }

    [TestMethod]
    public void A_root_that_does_not_exist_fails_at_load()
    {
        Assert.ThrowsExactly<DirectoryNotFoundException>(() =>
            CrossModalPredictor.Load(DemoModel.ModelPath, new PredictorOptions { AllowedImageRoot = "/no/such/root" }));
    }
}
