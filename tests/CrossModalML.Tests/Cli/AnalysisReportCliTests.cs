using CrossModalML.Cli;
using CrossModalML.Tests.TestSupport;

namespace CrossModalML.Tests.Cli;

/// <summary>The analysis commands that write reports: <c>patterns</c> and <c>search fit --report</c>.</summary>
[TestClass]
[DoNotParallelize]
public sealed class AnalysisReportCliTests
{
    private static (int ExitCode, string Error) Run(params string[] args) => CliRunner.Run(args);

    [TestMethod]
    public void Patterns_writes_a_report_with_charts_and_representative_images()
    {
        using var temp = new TempDirectory();
        var posts = CliTests.DemoSubset(temp, "posts.tsv", 0, 300);
        var folder = Path.Combine(temp.Path, "report");

        var (code, error) = Run("patterns", "--dataset", posts, "--label", "topic", "--ignore", "sentiment", "--topics", "5", "--clusters", "4", "--report", folder);

        Assert.AreEqual(0, code, error);
        var markdown = File.ReadAllText(Path.Combine(folder, "report.md"));
        StringAssert.Contains(markdown, "4 clusters");
        foreach (var file in new[] { "cluster-map.png", "cluster-sizes.png", "labels-by-cluster.png", "topics.png", "cluster0-1.png" })
        {
            Assert.IsTrue(File.Exists(Path.Combine(folder, file)), file);
        }
    }

    [TestMethod]
    public void Patterns_rejects_a_bad_cluster_count_with_one_line()
    {
        using var temp = new TempDirectory();
        var posts = CliTests.DemoSubset(temp, "posts.tsv", 0, 20);

        var (code, error) = Run("patterns", "--dataset", posts, "--clusters", "many");

        Assert.AreEqual(1, code);
        StringAssert.Contains(error, "--clusters must be 'auto' or a whole number");
        Assert.IsFalse(error.Contains("   at ", StringComparison.Ordinal), error);
    }

    [TestMethod]
    public void Search_fit_report_has_the_recall_curve_the_method_and_a_thumbnail_gallery()
    {
        using var temp = new TempDirectory();
        var posts = CliTests.DemoSubset(temp, "posts.tsv", 0, 300);
        var folder = Path.Combine(temp.Path, "retrieval");

        var (code, error) = Run("search", "fit", "--dataset", posts, "--output", temp.File("space.zip"), "--builtin-features", "--components", "8", "--report", folder, "--example-query", "pizza night with friends");

        Assert.AreEqual(0, code, error);
        var markdown = File.ReadAllText(Path.Combine(folder, "report.md"));
        StringAssert.Contains(markdown, "recall-at-k.png");
        StringAssert.Contains(markdown, "| least squares | text → image |");
        StringAssert.Contains(markdown, "| PLS | image → text |");
        StringAssert.Contains(File.ReadAllText(Path.Combine(folder, "gallery.html")), "<img src=\"query1-hit1.jpg\"");
        StringAssert.Contains(markdown, "Method used by the saved space:");
        StringAssert.Contains(markdown, "Query 1: “pizza night with friends”");
        Assert.IsTrue(new FileInfo(Path.Combine(folder, "recall-at-k.png")).Length > 2000);
        Assert.AreEqual(3, Directory.GetFiles(folder, "query*-own.jpg").Length, "three posts' texts as queries, each with its own image");
        Assert.AreEqual(4 * 3, Directory.GetFiles(folder, "query*-hit*.jpg").Length, "a thumbnail of each query's three image hits");
        StringAssert.Contains(markdown, "](query1-hit1.jpg)");
        Assert.IsFalse(System.Text.RegularExpressions.Regex.IsMatch(markdown, @"@u\d{3}\b"), "mentions are masked in example texts");
        Assert.IsFalse(markdown.Contains(RepositoryPaths.Root, StringComparison.Ordinal), "no local paths in the report");
    }

    [TestMethod]
    public void Search_fit_relates_the_ArcticXs_embedding_of_the_texts_when_asked_and_refuses_it_beside_the_built_in_features()
    {
        using var temp = new TempDirectory();
        var posts = CliTests.DemoSubset(temp, "posts.tsv", 0, 80);
        var folder = Path.Combine(temp.Path, "retrieval");

        var (code, error) = Run("search", "fit", "--dataset", posts, "--output", temp.File("space.zip"), "--text-encoder", "arcticxs", "--components", "4", "--report", folder);

        Assert.AreEqual(0, code, error);
        StringAssert.Contains(File.ReadAllText(Path.Combine(folder, "report.md")), "texts with the ArcticXs sentence embedding, images as ResNet18 embeddings");

        (code, error) = Run("search", "fit", "--dataset", posts, "--output", temp.File("other.zip"), "--text-encoder", "arcticxs", "--builtin-features");
        Assert.AreNotEqual(0, code);
        StringAssert.Contains(error, "--text-encoder");
        Assert.IsFalse(File.Exists(temp.File("other.zip")), "nothing is written when the flags contradict each other");
    }
}
