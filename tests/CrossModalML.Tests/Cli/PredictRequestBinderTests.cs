using CrossModalML.Cli.Commands.Predict;
using CrossModalML.Prediction;

namespace CrossModalML.Tests.Cli;

/// <summary>The predict binder on its own: the files named here do not exist, so a request that binds proves the
/// checks ran before any file was read.</summary>
[TestClass]
public sealed class PredictRequestBinderTests
{
    private static PredictRequest Bind(params string[] flags)
    {
        var predictFlags = new PredictFlags();
        var parsed = PredictCommand.Create(predictFlags).Parse(["--model", "/no/such/model.zip", "--input", "/no/such/posts.tsv", "--output", "out.tsv", .. flags]);
        Assert.AreEqual(0, parsed.Errors.Count, string.Join("; ", parsed.Errors.Select(e => e.Message)));
        return new PredictRequestBinder(predictFlags).Bind(parsed);
    }

    [TestMethod]
    public void Only_the_required_flags_give_the_documented_defaults()
    {
        var request = Bind();

        Assert.AreEqual(10_000, request.ChunkSize);
        Assert.AreEqual(1, request.Parallel);
        Assert.IsNull(request.Predictor.AllowedImageRoot);
        Assert.AreEqual(new PredictorOptions().MaxImagePixels, request.Predictor.MaxImagePixels);
        Assert.IsFalse(request.StrictImages);
    }

    [TestMethod]
    public void The_image_root_is_made_absolute_and_the_pixel_limit_passed_on()
    {
        var request = Bind("--image-root", "images", "--max-image-pixels", "1000", "--chunk-size", "50", "--parallel", "3");

        Assert.AreEqual(Path.GetFullPath("images"), request.Predictor.AllowedImageRoot);
        Assert.AreEqual(1000, request.Predictor.MaxImagePixels);
        Assert.AreEqual(50, request.ChunkSize);
        Assert.AreEqual(3, request.Parallel);
    }

    [TestMethod]
    [DataRow("--chunk-size", "0", "--chunk-size must be at least 1, got 0.")]
    [DataRow("--parallel", "-2", "--parallel must be at least 1, got -2.")]
    [DataRow("--max-image-pixels", "0", "--max-image-pixels must be at least 1, got 0.")]
    public void A_bad_value_fails_naming_its_flag(string flag, string value, string message)
    {
        Assert.AreEqual(message, Assert.ThrowsExactly<ArgumentException>(() => Bind(flag, value)).Message);
    }
}
