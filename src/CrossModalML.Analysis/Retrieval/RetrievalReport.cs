using System.Globalization;
using CrossModalML.Analysis.Patterns;
using CrossModalML.Analysis.Reporting;
using CrossModalML.Data;

namespace CrossModalML.Analysis.Retrieval;

/// <summary>A Markdown report of cross-modal retrieval: held-out metrics of CCA and least squares against random, the
/// method the saved space uses and why, the recall@K curve, and a gallery of example text queries with thumbnails of
/// their top image hits and the hits' texts.</summary>
/// <remarks>Texts are shown with <c>@mentions</c> replaced by <c>@user</c>; image paths are not written, thumbnails are
/// written beside the report. Nothing touches the disk until <see cref="MarkdownReport.Save"/>.</remarks>
public static class RetrievalReport
{
    private const int CurveMaxK = 50;
    private const int HitTextLength = 100;

    /// <summary>Builds the report.</summary>
    /// <param name="evaluation">Held-out metrics from <see cref="RetrievalEvaluator"/>.</param>
    /// <param name="index">An index of <paramref name="posts"/> for the example queries.</param>
    /// <param name="posts">The posts the index was built from (for the example texts and image files).</param>
    /// <param name="examples">Posts whose texts are used as example queries (0 for none), spread through the data set.</param>
    /// <param name="hitsPerExample">Image hits shown per query.</param>
    /// <param name="title">The report's title.</param>
    /// <param name="queries">Free-text example queries, shown before the posts' texts; <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentException">The posts lack the index's text or image column, or a query is blank.</exception>
    public static MarkdownReport Build(
        RetrievalEvaluation evaluation,
        SearchIndex index,
        PostDataset posts,
        int examples = 3,
        int hitsPerExample = 3,
        string title = "Cross-modal retrieval",
        IReadOnlyList<string>? queries = null)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(posts);
        ArgumentOutOfRangeException.ThrowIfNegative(examples);
        ArgumentOutOfRangeException.ThrowIfLessThan(hitsPerExample, 1);
        queries ??= [];
        if (queries.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("An example query is blank; give some words or leave it out.", nameof(queries));
        }

        var report = new MarkdownReport(title);
        var space = index.Space;
        report.Paragraph(
            $"{evaluation.TestPairs:N0} held-out text–image pairs (each query ranks {evaluation.TestPairs:N0} candidates); every method was fitted on the other " +
            $"{evaluation.TrainingPairs:N0} pairs with the same features ({FeaturesText(space)}; {space.TextDimensions} text and {space.ImageDimensions} image dimensions). " +
            $"CCA kept {evaluation.Components} canonical components; top canonical correlations " +
            string.Join(", ", evaluation.Correlations.Take(3).Select(c => c.ToString("0.00", CultureInfo.InvariantCulture))) + ".");
        report.Paragraph(
            $"**Method used by the saved space: {MethodName(space.Method)}** ({space.MethodReason}). On these held-out pairs " +
            (evaluation.Winner == RetrievalMethod.LeastSquares
                ? "neither CCA nor PLS beats the least-squares map."
                : $"{ShortName(evaluation.Winner)} retrieves best, better than the least-squares map."));

        var rows = new List<(string Method, string Direction, RetrievalMetrics Metrics)>();
        foreach (var (method, textToImage, imageToText) in evaluation.Methods)
        {
            rows.Add((ShortName(method), "text → image", textToImage));
            rows.Add((ShortName(method), "image → text", imageToText));
        }

        rows.Add(("random", "either", evaluation.Random));
        report.Table(
            ["method", "direction", "R@1", "R@5", "R@10", "median rank", "MRR"],
            rows.Select(r => (IReadOnlyList<object?>)[r.Method, r.Direction, r.Metrics.RecallAt1, r.Metrics.RecallAt5, r.Metrics.RecallAt10, r.Metrics.MedianRank, r.Metrics.MeanReciprocalRank]));

        int maxK = Math.Min(CurveMaxK, evaluation.TestPairs);
        report.Chart(
            Chart.Lines("Recall@K on held-out pairs", "K (candidates ranked above the cut)", "recall@K", rows.Select(r => new ChartSeries(
                $"{r.Method}, {r.Direction}",
                Enumerable.Range(1, maxK).Select(k => new ChartPoint(k, r.Metrics.RecallAt(k))),
                r.Method == "random" ? ChartSeriesStyle.DashedLine : ChartSeriesStyle.Line)), integerX: true),
            "recall-at-k.png",
            "Share of held-out queries whose own post's partner is among the top K of all held-out candidates.");

        AddGallery(report, index, posts, queries, examples, hitsPerExample);
        return report;
    }

    /// <summary>What each side of a space is featurized with, in words.</summary>
    internal static string FeaturesText(CrossModalSpace space)
    {
        var encoders = space.Encoders.Select(e => e.Name).ToList();
        string text = encoders.FirstOrDefault(n => n is "MiniLM" or "ArcticXs") is { } sentence
            ? $"texts with the {sentence} sentence embedding"
            : "texts as TF-IDF n-grams";
        string image = encoders.Contains("ResNet18") ? "images as ResNet18 embeddings"
            : space.ImageModel is { } model ? $"images encoded by {Path.GetFileName(model.FileName)}"
            : "built-in image statistics";
        return $"{text}, {image}";
    }

    /// <summary>The name a report gives a method.</summary>
    public static string MethodName(RetrievalMethod method) => method switch
    {
        RetrievalMethod.Cca => "CCA",
        RetrievalMethod.PartialLeastSquares => "PLS (partial least squares)",
        RetrievalMethod.LeastSquares => "least-squares map (no CCA)",
        _ => "chosen on held-back pairs",
    };

    /// <summary>The short name a table gives a method: CCA, PLS or least squares.</summary>
    public static string ShortName(RetrievalMethod method) => SharedSpaceFitter.ShortName(method);

    private static void AddGallery(MarkdownReport report, SearchIndex index, PostDataset posts, IReadOnlyList<string> queries, int examples, int hitsPerExample)
    {
        var ids = RetrievalPairs.PostIds(posts);
        RetrievalPairs.ResolveColumns(posts, new RetrievalOptions { TextColumn = index.Space.TextColumn, ImageColumn = index.Space.ImageColumn });
        var texts = posts.GetColumnValues(index.Space.TextColumn);
        var images = posts.GetColumnValues(index.Space.ImageColumn);
        var candidates = Enumerable.Range(0, posts.RowCount).Where(r => !string.IsNullOrWhiteSpace(texts[r]) && images[r].Length > 0).ToArray();
        int fromPosts = Math.Min(examples, candidates.Length);
        var picked = Enumerable.Range(0, fromPosts).Select(e => candidates[e * candidates.Length / fromPosts]).ToArray();
        if (queries.Count + picked.Length == 0)
        {
            return;
        }

        const string intro = "Each query searches the index of every post (the space refitted on every pair, as `crossmodal search query` does). " +
            "For a post's own text, its own image is one of the candidates and is marked when it is found.";
        report.Heading("Gallery: text queries and their top image hits");
        report.Paragraph(intro + $" The same gallery as a web page: [{RetrievalGalleryPage.FileName}]({RetrievalGalleryPage.FileName}).");
        var gallery = new List<GalleryQuery>();
        int number = 0;
        foreach (var query in queries)
        {
            number++;
            var title = $"Query {number}: “{Shown(query, 80)}”";
            report.Heading(title, 3);
            gallery.Add(new GalleryQuery(title, null, null, HitTable(report, index.FindImagesForText(query, hitsPerExample), number, ownId: null)));
        }

        foreach (int row in picked)
        {
            number++;
            var title = $"Query {number}: the text of post {ids[row]}";
            var text = Shown(texts[row], 300);
            report.Heading(title, 3);
            report.Paragraph($"> {text}");
            string? own = null;
            if (File.Exists(images[row]))
            {
                own = $"query{number}-own.jpg";
                report.Paragraph("Its own image: " + report.Thumbnail(images[row], own, $"own image of post {ids[row]}", 120));
            }

            gallery.Add(new GalleryQuery(title, text, own, HitTable(report, index.FindImagesForText(texts[row], hitsPerExample), number, ids[row])));
        }

        report.Page(RetrievalGalleryPage.FileName, RetrievalGalleryPage.Render(report.Title, intro.Replace("`", string.Empty, StringComparison.Ordinal), gallery));
    }

    private static IReadOnlyList<GalleryHit> HitTable(MarkdownReport report, IReadOnlyList<SearchHit> hits, int query, string? ownId)
    {
        var shown = hits.Select((h, i) => new GalleryHit(
            i + 1,
            ownId is not null && h.Id == ownId,
            h.ImagePath is { } path && File.Exists(path) ? $"query{query}-hit{i + 1}.jpg" : null,
            h.Id,
            h.Score,
            Shown(h.Text, HitTextLength))).ToList();
        var images = shown.Select((h, i) => h.Thumbnail is { } file ? report.Thumbnail(hits[i].ImagePath!, file, $"image of post {h.Id}") : "(image missing)").ToList();
        report.Table(
            ["rank", "image", "post", "cosine", "the post's text"],
            shown.Select((h, i) => (IReadOnlyList<object?>)[
                h.IsOwnImage ? $"{h.Rank} (own image)" : $"{h.Rank}",
                images[i],
                h.Id,
                h.Score.ToString("0.000", CultureInfo.InvariantCulture),
                h.Text]));
        return shown;
    }

    private static string Shown(string text, int length) => SearchIndex.Excerpt(MentionParser.ReplaceMentions(text, _ => "user"), length);
}
