using System.Globalization;
using CrossModalML.Analysis.Patterns;
using CrossModalML.Analysis.Reporting;
using CrossModalML.Data;

namespace CrossModalML.Analysis.Retrieval;

/// <summary>A Markdown report of cross-modal retrieval: held-out metrics, the recall@K curve against random and least
/// squares, and a few example queries with their top image hits copied beside the report.</summary>
/// <remarks>Example texts are shown with <c>@mentions</c> replaced by <c>@user</c>; image paths are not written, the images
/// are copied. Nothing touches the disk until <see cref="MarkdownReport.Save"/>.</remarks>
public static class RetrievalReport
{
    private const int CurveMaxK = 50;

    /// <summary>Builds the report.</summary>
    /// <param name="evaluation">Held-out metrics from <see cref="RetrievalEvaluator.Evaluate"/>.</param>
    /// <param name="index">An index of <paramref name="posts"/> for the example queries.</param>
    /// <param name="posts">The posts the index was built from (for the example texts and image files).</param>
    /// <param name="examples">Example text queries (0 for none), taken from posts spread through the data set.</param>
    /// <param name="hitsPerExample">Image hits shown per example.</param>
    /// <param name="title">The report's title.</param>
    /// <exception cref="ArgumentException">The posts lack the index's text or image column.</exception>
    public static MarkdownReport Build(RetrievalEvaluation evaluation, SearchIndex index, PostDataset posts, int examples = 3, int hitsPerExample = 3, string title = "Cross-modal retrieval")
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(posts);
        ArgumentOutOfRangeException.ThrowIfNegative(examples);
        ArgumentOutOfRangeException.ThrowIfLessThan(hitsPerExample, 1);
        var report = new MarkdownReport(title);
        report.Paragraph(
            $"{evaluation.TestPairs:N0} held-out text–image pairs (each query ranks {evaluation.TestPairs:N0} candidates), space fitted on " +
            $"{evaluation.TrainingPairs:N0} pairs with {evaluation.Components} canonical components; top canonical correlations " +
            string.Join(", ", evaluation.Correlations.Take(3).Select(c => c.ToString("0.00", CultureInfo.InvariantCulture))) + ".");

        var rows = new (string Method, string Direction, RetrievalMetrics Metrics)[]
        {
            ("CCA", "text → image", evaluation.TextToImage),
            ("CCA", "image → text", evaluation.ImageToText),
            ("least squares (no CCA)", "text → image", evaluation.LeastSquaresTextToImage),
            ("least squares (no CCA)", "image → text", evaluation.LeastSquaresImageToText),
            ("random", "either", evaluation.Random),
        };
        report.Table(
            ["method", "direction", "R@1", "R@5", "R@10", "median rank", "MRR"],
            rows.Select(r => (IReadOnlyList<object?>)[r.Method, r.Direction, r.Metrics.RecallAt1, r.Metrics.RecallAt5, r.Metrics.RecallAt10, r.Metrics.MedianRank, r.Metrics.MeanReciprocalRank]));

        int maxK = Math.Min(CurveMaxK, evaluation.TestPairs);
        report.Chart(
            Chart.Lines("Recall@K on held-out pairs", "K (candidates ranked above the cut)", "recall@K", rows.Select(r => new ChartSeries(
                $"{r.Method}, {r.Direction}",
                Enumerable.Range(1, maxK).Select(k => new ChartPoint(k, r.Metrics.RecallAt(k))),
                r.Method == "random" ? ChartSeriesStyle.DashedLine : ChartSeriesStyle.Line))),
            "recall-at-k.png",
            "Share of held-out queries whose own post's partner is among the top K of all held-out candidates.");

        AddExamples(report, index, posts, examples, hitsPerExample);
        return report;
    }

    private static void AddExamples(MarkdownReport report, SearchIndex index, PostDataset posts, int examples, int hitsPerExample)
    {
        if (examples == 0)
        {
            return;
        }

        RetrievalPairs.ResolveColumns(posts, new RetrievalOptions { TextColumn = index.Space.TextColumn, ImageColumn = index.Space.ImageColumn });
        var ids = RetrievalPairs.PostIds(posts);
        var rowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int r = 0; r < ids.Length; r++)
        {
            rowOf.TryAdd(ids[r], r);
        }

        var texts = posts.GetColumnValues(index.Space.TextColumn);
        var images = posts.GetColumnValues(index.Space.ImageColumn);
        var candidates = Enumerable.Range(0, posts.RowCount).Where(r => !string.IsNullOrWhiteSpace(texts[r]) && images[r].Length > 0).ToArray();
        if (candidates.Length == 0)
        {
            return;
        }

        report.Heading("Example queries: a post's text, its own image, and the top image hits");
        report.Paragraph("The examples query the index of every post with the space refitted on every pair, as `crossmodal search query` does, so the query's own image is one of the candidates.");
        var picked = Enumerable.Range(0, Math.Min(examples, candidates.Length)).Select(e => candidates[e * candidates.Length / Math.Min(examples, candidates.Length)]).ToArray();
        for (int e = 0; e < picked.Length; e++)
        {
            int row = picked[e];
            report.Heading($"Query {e + 1}: post {ids[row]}", 3);
            report.Paragraph($"> {MentionParser.ReplaceMentions(texts[row], _ => "user").ReplaceLineEndings(" ")}");
            report.Image(images[row], $"query{e + 1}-own{Path.GetExtension(images[row]).ToLowerInvariant()}", $"the query post's own image ({ids[row]})");
            var hits = index.FindImagesForText(texts[row], hitsPerExample);
            report.Table(
                ["rank", "post", "cosine", "is the query's own image"],
                hits.Select((h, i) => (IReadOnlyList<object?>)[i + 1, h.Id, h.Score.ToString("0.000", CultureInfo.InvariantCulture), h.Id == ids[row] ? "yes" : ""]));
            for (int h = 0; h < hits.Count; h++)
            {
                if (rowOf.TryGetValue(hits[h].Id, out int hitRow) && images[hitRow].Length > 0 && File.Exists(images[hitRow]))
                {
                    report.Image(images[hitRow], $"query{e + 1}-hit{h + 1}{Path.GetExtension(images[hitRow]).ToLowerInvariant()}", $"hit {h + 1}: post {hits[h].Id}");
                }
            }
        }
    }
}
