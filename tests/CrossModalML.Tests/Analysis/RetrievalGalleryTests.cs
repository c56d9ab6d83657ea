using CrossModalML.Analysis.Retrieval;
using CrossModalML.Data;
using CrossModalML.Tests.TestSupport;

namespace CrossModalML.Tests.Analysis;

/// <summary>The HTML gallery a retrieval report writes beside its Markdown.</summary>
[TestClass]
public sealed class RetrievalGalleryTests
{
    [TestMethod]
    public void Texts_from_posts_are_html_escaped_so_a_tweet_cannot_inject_markup()
    {
        const string tweet = "<script>alert(\"hi\")</script> fish & chips <b>";
        var page = RetrievalGalleryPage.Render(
            "Gallery <1>",
            "summary & more",
            [new GalleryQuery("Query 1: \"" + tweet + "\"", tweet, "query1-own.jpg", [new GalleryHit(1, true, "query1-hit1.jpg", "p<1>", 0.5, tweet)])]);

        Assert.DoesNotContain("<script>", page);
        Assert.DoesNotContain("<b>", page);
        StringAssert.Contains(page, "&lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt; fish &amp; chips &lt;b&gt;");
        StringAssert.Contains(page, "<title>Gallery &lt;1&gt;</title>");
        StringAssert.Contains(page, "post p&lt;1&gt;");
        StringAssert.Contains(page, "<img src=\"query1-hit1.jpg\"");
    }

    [TestMethod]
    public void A_report_writes_the_gallery_page_beside_the_markdown_with_every_thumbnail_it_shows()
    {
        using var temp = new TempDirectory();
        var posts = PostDatasetLoader.Load(RepositoryPaths.DemoPosts, new PostLoadOptions()).Select(Enumerable.Range(0, 200).ToArray());
        var evaluation = RetrievalEvaluator.Evaluate(posts, new RetrievalOptions { Components = 8 });
        using var space = CrossModalSpace.Fit(posts, new RetrievalOptions { Components = 8 });
        using var index = SearchIndex.Build(space, posts);

        var markdown = RetrievalReport.Build(evaluation, index, posts, examples: 2, hitsPerExample: 3, queries: ["sun & <sea> \"today\""]).Save(temp.Path);

        var page = File.ReadAllText(Path.Combine(temp.Path, "gallery.html"));
        StringAssert.Contains(page, "sun &amp; &lt;sea&gt; &quot;today&quot;");
        var thumbnails = System.Text.RegularExpressions.Regex.Matches(page, "<img src=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.HasCount(3 * 3 + 2, thumbnails, "three hits for each of three queries, and the own image of the two post queries");
        Assert.IsTrue(thumbnails.All(t => File.Exists(Path.Combine(temp.Path, t))), string.Join(", ", thumbnails));
        StringAssert.Contains(File.ReadAllText(markdown), "(gallery.html)");
    }
}
