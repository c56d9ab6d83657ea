using CrossModalML.Demo;

namespace CrossModalML.Tests.Demo;

[TestClass]
public sealed class DemoDataGeneratorDeterminismTests
{
    private static readonly DemoDataOptions Small = new() { PostCount = 200 };

    private string _root = string.Empty;

    [TestInitialize]
    public void CreateRoot()
    {
        _root = Path.Combine(Path.GetTempPath(), "cmml-demo-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_root);
    }

    [TestCleanup]
    public void DeleteRoot() => Directory.Delete(_root, recursive: true);

    [TestMethod]
    public void Same_options_give_byte_identical_files()
    {
        string first = Path.Combine(_root, "a");
        string second = Path.Combine(_root, "b");

        DemoDataGenerator.Generate(first, Small);
        DemoDataGenerator.Generate(second, Small);

        CollectionAssert.AreEqual(File.ReadAllBytes(Path.Combine(first, "posts.tsv")), File.ReadAllBytes(Path.Combine(second, "posts.tsv")));
        string[] images = RelativeImagePaths(first);
        CollectionAssert.AreEqual(images, RelativeImagePaths(second));
        Assert.IsTrue(images.Length > 150, $"expected most of 200 posts to have an image, got {images.Length}");
        foreach (string image in images)
        {
            CollectionAssert.AreEqual(File.ReadAllBytes(Path.Combine(first, image)), File.ReadAllBytes(Path.Combine(second, image)), image);
        }
    }

    [TestMethod]
    public void A_different_seed_gives_different_posts()
    {
        string first = Path.Combine(_root, "a");
        string second = Path.Combine(_root, "b");

        DemoDataGenerator.Generate(first, Small);
        DemoDataGenerator.Generate(second, new DemoDataOptions { PostCount = 200, Seed = 7 });

        CollectionAssert.AreNotEqual(File.ReadAllBytes(Path.Combine(first, "posts.tsv")), File.ReadAllBytes(Path.Combine(second, "posts.tsv")));
    }

    [TestMethod]
    public void Posts_file_is_utf8_without_bom_with_lf_lines_and_the_documented_header()
    {
        DemoDataSummary summary = DemoDataGenerator.Generate(_root, Small);

        byte[] bytes = File.ReadAllBytes(summary.PostsPath);
        Assert.IsFalse(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, "posts.tsv starts with a BOM");
        Assert.IsFalse(bytes.Contains((byte)'\r'), "posts.tsv contains a carriage return");
        string[] lines = File.ReadAllText(summary.PostsPath).Split('\n');
        Assert.AreEqual("id\ttext\timage\tuser_id\ttimestamp\tlikes\tshares\tsentiment\ttopic", lines[0]);
        Assert.AreEqual(string.Empty, lines[^1], "the file must end with a line feed");
        Assert.AreEqual(200, summary.RowsWritten);
        Assert.AreEqual(201, lines.Length - 1);
    }

    [TestMethod]
    public void Progress_reports_every_post_written()
    {
        var reports = new List<int>();

        DemoDataGenerator.Generate(_root, Small, new SynchronousProgress(reports.Add));

        CollectionAssert.AreEqual(Enumerable.Range(1, 200).ToList(), reports);
    }

    [TestMethod]
    public void Out_of_range_option_is_rejected_with_its_name()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => DemoDataGenerator.Generate(_root, new DemoDataOptions { BurstPeakDay = 95 }));

        StringAssert.Contains(error.Message, "BurstPeakDay");
    }

    private static string[] RelativeImagePaths(string directory) =>
        Directory.GetFiles(Path.Combine(directory, "images"))
            .Select(path => Path.GetRelativePath(directory, path))
            .Order(StringComparer.Ordinal)
            .ToArray();

    // Progress<T> posts to the thread pool; the test needs every report before Generate returns.
    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
