using System.Globalization;
using CrossModalML.Analysis.Reporting;

namespace CrossModalML.Analysis.Patterns;

/// <summary>Turns a <see cref="PatternResult"/> into a Markdown report with PNG charts and representative images.</summary>
/// <remarks>
/// Charts: the 2-D cluster map, cluster sizes, the cluster-count scores, the label mix per cluster (with a label
/// column) and the top terms of each topic (with topics). User ids appear as the result holds them
/// (pseudonyms unless raw ids were asked for); image paths are not written, the images are copied beside the report.
/// </remarks>
public static class PatternReport
{
    private const int MaxMapPoints = 4000;
    private const int TextPreviewLength = 110;
    private const int TermsPerTopicChart = 4;

    /// <summary>Builds the report; nothing is written until <see cref="MarkdownReport.Save"/>.</summary>
    /// <param name="result">What <see cref="PatternMiner.Mine"/> found.</param>
    /// <param name="title">The report's title.</param>
    /// <param name="imagesPerCluster">Representative images copied per cluster (0 for none).</param>
    /// <param name="accounts">Central accounts and communities listed.</param>
    public static MarkdownReport Build(PatternResult result, string title = "Hidden patterns", int imagesPerCluster = 3, int accounts = 10)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentOutOfRangeException.ThrowIfNegative(imagesPerCluster);
        ArgumentOutOfRangeException.ThrowIfLessThan(accounts, 1);
        var report = new MarkdownReport(title);
        var chosen = result.Clustering.Chosen;
        report.Paragraph(
            $"{result.PostIds.Count:N0} posts in **{result.Clusters.Count} clusters** (silhouette {F(chosen.Silhouette)}, Davies–Bouldin {F(chosen.DaviesBouldin)}), " +
            $"clustered on {string.Join(" + ", result.Blocks.Select(BlockName))}." +
            (result.UsersPseudonymized ? " User ids are salted-hash pseudonyms." : " User ids are shown as written."));
        if (result.Warnings.Count > 0)
        {
            report.Bullets(result.Warnings.Select(w => "**Warning:** " + w));
        }

        AddClusters(report, result, imagesPerCluster);
        AddTopics(report, result);
        AddGraph(report, result, accounts);
        return report;
    }

    private static void AddClusters(MarkdownReport report, PatternResult result, int imagesPerCluster)
    {
        report.Heading("Post clusters");
        var series = result.Clusters.Select(c => new ChartSeries(
            $"cluster {c.Id}",
            Enumerable.Range(0, result.Map.Count)
                .Where(i => result.Assignments[i] == c.Id && (result.Map.Count <= MaxMapPoints || i % ((result.Map.Count / MaxMapPoints) + 1) == 0))
                .Select(i => new ChartPoint(result.Map[i].X, result.Map[i].Y)),
            ChartSeriesStyle.Markers));
        report.Chart(Chart.Lines("Cluster map", "principal component 1", "principal component 2", series), "cluster-map.png", "Each post on the first two principal components of the clustered vectors, coloured by cluster.", 900, 600);
        report.Chart(Chart.Bars("Cluster sizes", "posts", result.Clusters.Select(c => ($"cluster {c.Id}", (double)c.Size)), integerValues: true), "cluster-sizes.png", width: 700, height: 350);
        if (result.Clustering.Scores.Count > 1)
        {
            report.Chart(
                Chart.TwoAxes(
                    "Choosing the number of clusters",
                    "number of clusters",
                    new ChartSeries("silhouette (higher is better)", result.Clustering.Scores.Select(s => new ChartPoint(s.ClusterCount, s.Silhouette)), ChartSeriesStyle.LineWithMarkers),
                    new ChartSeries("Davies–Bouldin (lower is better)", result.Clustering.Scores.Select(s => new ChartPoint(s.ClusterCount, s.DaviesBouldin)), ChartSeriesStyle.LineWithMarkers),
                    integerX: true),
                "cluster-count.png",
                $"Each count tried; {result.Clusters.Count} was chosen.",
                width: 800,
                height: 380);
        }

        report.Table(
            ["cluster", "posts", "top terms", "top hashtags", "topic", "with text", "with image"],
            result.Clusters.Select(c => (IReadOnlyList<object?>)[
                c.Id, c.Size, string.Join(", ", c.TopTerms.Select(t => t.Term)), string.Join(" ", c.TopHashtags.Select(t => t.Term)),
                c.DominantTopic < 0 ? "—" : $"T{c.DominantTopic}", P(c.Modalities.TextShare), P(c.Modalities.ImageShare)]));

        if (result.LabelColumn is { } label && result.Labels.Count > 0)
        {
            report.Heading($"Label '{label}' by cluster", 3);
            report.Table(
                ["cluster", .. result.Labels],
                result.Clusters.Select(c => (IReadOnlyList<object?>)[c.Id, .. result.Labels.Select(l => (object?)$"{c.LabelCounts.GetValueOrDefault(l)} ({P(c.Size == 0 ? 0 : c.LabelCounts.GetValueOrDefault(l) / (double)c.Size)})")]));
            if (result.Labels.Count <= 12)
            {
                report.Chart(
                    Chart.GroupedBars(
                        $"Share of each '{label}' value per cluster",
                        "cluster",
                        "share of the cluster's posts",
                        result.Clusters.Select(c => $"cluster {c.Id}").ToArray(),
                        result.Labels.Select(l => (l, (IReadOnlyList<double>)result.Clusters.Select(c => c.Size == 0 ? 0 : c.LabelCounts.GetValueOrDefault(l) / (double)c.Size).ToArray()))),
                    "labels-by-cluster.png",
                    width: 900,
                    height: 400);
            }
        }

        report.Heading("Representative posts", 3);
        foreach (var cluster in result.Clusters)
        {
            report.Heading($"Cluster {cluster.Id} ({cluster.Size:N0} posts)", 4);
            report.Table(
                ["post", "text"],
                cluster.RepresentativeRows.Select(row => (IReadOnlyList<object?>)[result.PostIds[row], Preview(result.DisplayTexts[row])]));
            int n = 0;
            foreach (var image in cluster.RepresentativeImages.Take(imagesPerCluster).Where(File.Exists))
            {
                report.Image(image, $"cluster{cluster.Id}-{++n}{Path.GetExtension(image).ToLowerInvariant()}", $"cluster {cluster.Id}, representative image {n}");
            }
        }
    }

    private static void AddTopics(MarkdownReport report, PatternResult result)
    {
        if (result.Topics is not { } topics)
        {
            return;
        }

        report.Heading("Text topics (LDA)");
        report.Chart(
            Chart.Bars("Top terms per topic", "weight within the topic's listed terms", topics.Topics.SelectMany(t => t.Terms.Take(TermsPerTopicChart).Select(term => ($"T{t.Id}: {term.Term}", term.Weight)))),
            "topics.png",
            "The most probable words of each LDA topic, topic by topic.",
            width: 1000,
            height: 450);
        report.Table(
            ["topic", "posts (largest share)", "mean share", "top terms"],
            topics.Topics.Select(t => (IReadOnlyList<object?>)[$"T{t.Id}", t.PostCount, t.MeanShare, t.Label(10)]));
    }

    private static void AddGraph(MarkdownReport report, PatternResult result, int accounts)
    {
        if (result.Graph is not { } graph)
        {
            return;
        }

        report.Heading("Interaction graph (mentions and retweets)");
        if (graph.Edges.Count == 0)
        {
            report.Paragraph("No post names another account, so there is no interaction graph.");
            return;
        }

        report.Paragraph(
            $"{graph.Accounts.Count:N0} accounts joined by {graph.Edges.Count:N0} edges of total weight {graph.TotalWeight:N0}; " +
            $"{graph.Communities.Count} communities with modularity {F(graph.Modularity)}.");
        report.Heading("Most central accounts", 3);
        report.Table(
            ["account", "PageRank", "weighted degree", "mentioned", "mentions made", "posts", "community"],
            graph.Accounts.Take(accounts).Select(a => (IReadOnlyList<object?>)[a.User, a.PageRank.ToString("0.0000", CultureInfo.InvariantCulture), a.WeightedDegree, a.TimesMentioned, a.MentionsMade, a.Posts, a.Community]));
        report.Heading("Largest communities", 3);
        report.Table(
            ["community", "accounts", "share of its edge weight inside", "most central members"],
            graph.Communities.Take(accounts).Select(c => (IReadOnlyList<object?>)[c.Id, c.Size, P(c.TotalWeight == 0 ? 0 : c.InternalWeight / c.TotalWeight), string.Join(", ", c.Members.Take(5))]));
    }

    private static string BlockName(Analysis.Embedding.EmbeddingBlock block) =>
        $"{block.Modality.ToString().ToLowerInvariant()} ({block.Length} dims)";

    private static string Preview(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= TextPreviewLength ? line : line[..TextPreviewLength] + "…";
    }

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string P(double share) => share.ToString("0%", CultureInfo.InvariantCulture);
}
