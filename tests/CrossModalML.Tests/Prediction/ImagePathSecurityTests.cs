using CrossModalML.Data;
using CrossModalML.Featurization.Image;
using CrossModalML.Prediction;
using CrossModalML.Tests.TestSupport;
using SkiaSharp;

namespace CrossModalML.Tests.Prediction;

/// <summary>Image paths from untrusted posts: every link on the path is resolved before the root check, nothing is
/// opened before it, only regular files are opened, huge images are refused from their header, and no shared temp file
/// stands in for missing images.</summary>
[TestClass]
[DoNotParallelize]
public sealed class ImagePathSecurityTests
{
    private static readonly TimeSpan NoHang = TimeSpan.FromSeconds(20);

    private static string DemoImage => Path.Combine(Path.GetDirectoryName(RepositoryPaths.DemoPosts)!, "images", "00001.png");

    /// <summary>root/ (with images/ok.png, linked -> ../outside, adir/), outside/secret.png.</summary>
    private static (string Root, string Outside) Layout(TempDirectory temp)
    {
        var root = Directory.CreateDirectory(temp.File("root")).FullName;
        var outside = Directory.CreateDirectory(temp.File("outside")).FullName;
        Directory.CreateDirectory(Path.Combine(root, "images"));
        Directory.CreateDirectory(Path.Combine(root, "adir"));
        File.Copy(DemoImage, Path.Combine(root, "images", "ok.png"));
        File.Copy(DemoImage, Path.Combine(outside, "secret.png"));
        Directory.CreateSymbolicLink(Path.Combine(root, "linked"), outside);
        return (root, outside);
    }

    private static Dictionary<string, string?> Post(string image) => new() { ["text"] = "what a day", ["image"] = image };

    private static string WritePosts(string path, params string[] images)
    {
        var lines = new List<string> { "id\ttext\timage\tuser_id\ttimestamp\tlikes\tshares\ttopic" };
        lines.AddRange(images.Select((image, i) => $"p{i}\tnice one\t{image}\tu1\t2026-01-01T00:00:00Z\t3\t1\t{(i % 2 == 0 ? "sports" : "food")}"));
        File.WriteAllLines(path, lines);
        return path;
    }

    [TestMethod]
    public void A_directory_link_inside_the_root_to_a_directory_outside_is_rejected()
    {
        using var temp = new TempDirectory();
        var (root, outside) = Layout(temp);
        using var predictor = CrossModalPredictor.Load(DemoModel.ModelPath, new PredictorOptions { AllowedImageRoot = root });

        var error = Assert.ThrowsExactly<ImagePathException>(() => predictor.Predict(Post("linked/secret.png")));
        StringAssert.Contains(error.Message, Path.Combine(outside, "secret.png"), "the server-side message names where the link leads");
        StringAssert.Contains(error.PublicMessage, "'linked/secret.png'");
        StringAssert.Contains(error.PublicMessage, "outside the allowed image root");
        Assert.DoesNotContain(temp.Path, error.PublicMessage, "the public message names no server path");

        // The same file through a path that stays inside the root is scored.
        Assert.IsNotNull(predictor.Predict(Post("images/ok.png")).PredictedLabel);
    }

    [TestMethod]
    public void A_file_to_score_with_an_image_behind_a_directory_link_fails_naming_the_row_and_column()
    {
        using var temp = new TempDirectory();
        var (root, _) = Layout(temp);
        var posts = WritePosts(Path.Combine(root, "posts.tsv"), "images/ok.png", "linked/secret.png");
        using var predictor = CrossModalPredictor.Load(DemoModel.ModelPath, new PredictorOptions { AllowedImageRoot = root });

        var error = Assert.ThrowsExactly<PostDataException>(() => predictor.LoadInput(posts));
        StringAssert.Contains(error.Message, "line 3");
        StringAssert.Contains(error.Message, "column 'image'");
        StringAssert.Contains(error.Message, "outside the allowed image root");
    }

    [TestMethod]
    public void Predict_command_refuses_a_directory_link_out_of_the_image_root()
    {
        using var temp = new TempDirectory();
        var (root, _) = Layout(temp);
        var posts = WritePosts(Path.Combine(root, "posts.tsv"), "linked/secret.png");
        var output = temp.File("predictions.tsv");

        var (exitCode, error) = CliRunner.Run("predict", "--model", DemoModel.ModelPath, "--input", posts, "--output", output, "--image-root", root);

        Assert.AreNotEqual(0, exitCode);
        StringAssert.Contains(error, "outside the allowed image root");
        StringAssert.Contains(error, "linked/secret.png");
    }

    [TestMethod]
    [Timeout(60_000)]
    public void A_fifo_outside_the_root_is_refused_without_being_opened()
    {
        using var temp = new TempDirectory();
        var (root, outside) = Layout(temp);
        var fifo = Fifo.Create(Path.Combine(outside, "pipe.png"));
        var posts = WritePosts(Path.Combine(root, "posts.tsv"), "../outside/pipe.png", "linked/pipe.png");
        var output = temp.File("predictions.tsv");

        // Through the CLI (the file is read before the root check in the defect this pins) and through a single post.
        var (exitCode, error) = Fifo.FinishesWithin(
            NoHang, () => CliRunner.Run("predict", "--model", DemoModel.ModelPath, "--input", posts, "--output", output, "--image-root", root), fifo);
        Assert.AreNotEqual(0, exitCode);
        StringAssert.Contains(error, "outside the allowed image root");

        using var predictor = CrossModalPredictor.Load(DemoModel.ModelPath, new PredictorOptions { AllowedImageRoot = root });
        var refused = Fifo.FinishesWithin(NoHang, () => Assert.ThrowsExactly<ImagePathException>(() => predictor.Predict(Post("linked/pipe.png"))), fifo);
        StringAssert.Contains(refused.Message, "outside the allowed image root");
    }

    [TestMethod]
    [Timeout(60_000)]
    public void A_fifo_or_directory_inside_the_root_is_not_opened()
    {
        using var temp = new TempDirectory();
        var (root, _) = Layout(temp);
        var fifo = Fifo.Create(Path.Combine(root, "images", "pipe.png"));
        using var predictor = CrossModalPredictor.Load(DemoModel.ModelPath, new PredictorOptions { AllowedImageRoot = root });

        foreach (var path in new[] { "images/pipe.png", "adir" })
        {
            var error = Fifo.FinishesWithin(NoHang, () => Assert.ThrowsExactly<ImagePathException>(() => predictor.Predict(Post(path))), fifo);
            StringAssert.Contains(error.PublicMessage, "not a regular file", path);
        }

        // In a file, the post is kept and scored without its image, with a warning naming the reason.
        var posts = WritePosts(Path.Combine(root, "posts.tsv"), "images/pipe.png", "images/ok.png");
        var data = Fifo.FinishesWithin(NoHang, () => predictor.LoadInput(posts), fifo);
        CollectionAssert.AreEqual(new[] { string.Empty, Path.Combine(root, "images", "ok.png") }, data.GetColumnValues("image").ToArray());
        Assert.IsTrue(data.Report.Warnings.Any(w => w.Contains("not a regular file", StringComparison.Ordinal) && w.Contains("pipe.png", StringComparison.Ordinal)), string.Join("\n", data.Report.Warnings));

        // Without any root a FIFO is still never opened.
        var unrooted = Fifo.FinishesWithin(NoHang, () => PostDatasetLoader.Load(posts, new PostLoadOptions { LabelColumn = "topic" }), fifo);
        Assert.AreEqual(string.Empty, unrooted.GetColumnValues("image")[0]);
    }

    [TestMethod]
    public void An_image_declaring_more_pixels_than_the_limit_is_refused_from_its_header()
    {
        using var temp = new TempDirectory();
        var (root, _) = Layout(temp);
        var huge = LargePng.Write(Path.Combine(root, "images", "huge.png"), 10_000, 10_000);
        Assert.IsLessThan(200_000L, new FileInfo(huge).Length, "the file is small on disk");
        using var predictor = CrossModalPredictor.Load(DemoModel.ModelPath, new PredictorOptions { AllowedImageRoot = root });

        var error = Assert.ThrowsExactly<ImagePathException>(() => predictor.Predict(Post("images/huge.png")));
        StringAssert.Contains(error.Message, huge);
        StringAssert.Contains(error.Message, "10000 x 10000");
        StringAssert.Contains(error.Message, "40,000,000");
        StringAssert.Contains(error.Message, "PredictorOptions.MaxImagePixels");

        // In a file: a warning with the file and its dimensions, or with strict images an error naming the line.
        var posts = WritePosts(Path.Combine(root, "posts.tsv"), "images/ok.png", "images/huge.png");
        var data = predictor.LoadInput(posts);
        Assert.AreEqual(string.Empty, data.GetColumnValues("image")[1]);
        Assert.IsTrue(data.Report.Warnings.Any(w => w.Contains("huge.png, 10000 x 10000", StringComparison.Ordinal)), string.Join("\n", data.Report.Warnings));
        var strict = Assert.ThrowsExactly<PostDataException>(() =>
            PostDatasetLoader.Load(posts, new PostLoadOptions { LabelColumn = "topic", StrictImages = true }));
        StringAssert.Contains(strict.Message, "line 3");
        StringAssert.Contains(strict.Message, "10000 x 10000");
    }

    [TestMethod]
    public void The_pixel_limit_is_configurable_and_validated()
    {
        using var codec = SKCodec.Create(DemoImage);
        long pixels = (long)codec.Info.Width * codec.Info.Height;
        using var exact = CrossModalPredictor.Load(DemoModel.ModelPath, new PredictorOptions { MaxImagePixels = pixels });
        using var below = CrossModalPredictor.Load(DemoModel.ModelPath, new PredictorOptions { MaxImagePixels = pixels - 1 });

        Assert.IsNotNull(exact.Predict(Post(DemoImage)).PredictedLabel);
        var error = Assert.ThrowsExactly<ImagePathException>(() => below.Predict(Post(DemoImage)));
        StringAssert.Contains(error.Message, $"{codec.Info.Width} x {codec.Info.Height}");

        var invalid = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => CrossModalPredictor.Load(DemoModel.ModelPath, new PredictorOptions { MaxImagePixels = 0 }));
        StringAssert.Contains(invalid.Message, "PredictorOptions.MaxImagePixels");
        var invalidLoad = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => PostDatasetLoader.Load(RepositoryPaths.DemoPosts, new PostLoadOptions { MaxImagePixels = -1 }));
        StringAssert.Contains(invalidLoad.Message, "PostLoadOptions.MaxImagePixels");
    }

    [TestMethod]
    public void Predict_command_takes_a_pixel_limit_and_names_its_flag()
    {
        using var temp = new TempDirectory();
        var posts = WritePosts(temp.File("posts.tsv"), DemoImage);
        var output = temp.File("predictions.tsv");

        var (badExit, badError) = CliRunner.Run("predict", "--model", DemoModel.ModelPath, "--input", posts, "--output", output, "--max-image-pixels", "0");
        Assert.AreNotEqual(0, badExit);
        StringAssert.Contains(badError, "--max-image-pixels");

        var (exitCode, printed, error) = CliRunner.RunWithOutput("predict", "--model", DemoModel.ModelPath, "--input", posts, "--output", output, "--max-image-pixels", "10", "--width", "200");
        Assert.AreEqual(0, exitCode, error);

        // One message says the post was scored without its image and why: the pixel limit, with the image's name.
        StringAssert.Contains(printed, "1 of 1 posts were scored without their image");
        StringAssert.Contains(printed, "larger than the limit of 10 pixels");
        StringAssert.Contains(printed, $"{Path.GetFileName(DemoImage)}, ");
        Assert.AreEqual(1, printed.Split(Path.GetFileName(DemoImage)).Length - 1, $"the image is named once:\n{printed}");
        Assert.IsFalse(error.Contains("pixels", StringComparison.Ordinal), $"no second, unwrapped warning on standard error:\n{error}");
    }

    [TestMethod]
    public void A_planted_file_at_the_old_shared_placeholder_path_never_stands_in_for_a_missing_image()
    {
        using var temp = new TempDirectory();
        var original = Environment.GetEnvironmentVariable("TMPDIR");
        try
        {
            // Another local user creates the old fixed path first, with a white picture of their choosing.
            Environment.SetEnvironmentVariable("TMPDIR", temp.Path);
            var planted = Path.Combine(Path.GetTempPath(), "crossmodalml", "missing-image-placeholder.png");
            Directory.CreateDirectory(Path.GetDirectoryName(planted)!);
            using (var white = new SKBitmap(8, 8))
            {
                white.Erase(SKColors.White);
                using var data = white.Encode(SKEncodedImageFormat.Png, 100);
                File.WriteAllBytes(planted, data.ToArray());
            }

            // What ML.NET's image loader reads for a post without an image.
            var output = new LoadableImageOutput();
            LoadableImageMappingFactory.Map(new ImagePathInput { Path = string.Empty }, output);

            Assert.AreEqual(1f, output.Missing);
            Assert.AreNotEqual(planted, output.Path);
            Assert.AreNotEqual("crossmodalml", Path.GetFileName(Path.GetDirectoryName(output.Path)), "not the old shared folder, whatever TMPDIR was");
            using (var placeholder = SKBitmap.Decode(output.Path))
            {
                Assert.AreEqual(SKColors.Black, placeholder.GetPixel(4, 4), "the stand-in is the toolkit's own black image");
            }

            if (!OperatingSystem.IsWindows())
            {
                Assert.AreEqual(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(output.Path)!),
                    "the placeholder's folder is private to its owner");
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable("TMPDIR", original);
        }
    }
}
