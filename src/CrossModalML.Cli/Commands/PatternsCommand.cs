using System.CommandLine;
using System.Globalization;
using CrossModalML.Cli.Rendering;
using CrossModalML.Analysis.Patterns;
using CrossModalML.Data;
using CrossModalML.Featurization;
using Microsoft.ML;
using Spectre.Console;

namespace CrossModalML.Cli.Commands;

/// <summary><c>crossmodal patterns</c>: post clusters, text topics and the mention graph, printed and written as a report.</summary>
internal static class PatternsCommand
{
    public static Command Create()
    {
        var dataset = CommonOptions.Dataset("Posts: .tsv, .csv or .jsonl with a header.");
        var clusters = new Option<string>("--clusters", "-k") { Description = "Number of post clusters, or 'auto' to choose 2–N by silhouette (N = --max-clusters).", DefaultValueFactory = _ => "auto" };
        var maxClusters = new Option<int>("--max-clusters") { Description = "Largest number of clusters tried with --clusters auto.", DefaultValueFactory = _ => new PatternOptions().Clustering.MaxClusters };
        var topics = new Option<int>("--topics") { Description = "Number of LDA text topics; 0 turns topics off.", DefaultValueFactory = _ => new TopicModelOptions().TopicCount };
        var report = new Option<DirectoryInfo?>("--report") { Description = "Write a Markdown report with PNG charts and representative images into this folder." };
        var imageModel = new Option<FileInfo?>("--image-model")
        {
            Description = "ONNX image encoder (MobileNetV2 '-embed-rgb255' layout: input 'image', output 'embedding', 224x224 RGB). Default: built-in image statistics.",
        };
        var rawIds = new Option<bool>("--raw-ids") { Description = "Show user ids as written; by default they are replaced by salted-hash pseudonyms in the output and report." };
        var label = new Option<string?>("--label", "-l") { Description = "A column to count per cluster (never clustered on), e.g. a sentiment or topic label." };
        var text = new Option<string?>("--text") { Description = "The text column (default: the first text column)." };
        var user = new Option<string?>("--user") { Description = "The column naming each post's author for the mention graph (default: the user column). Use the column whose values match the @handles." };
        var ignore = new Option<string[]>("--ignore") { Description = "Columns to leave out of the clustered features.", AllowMultipleArgumentsPerToken = true };
        var verbose = CommonOptions.Verbose();
        var command = new Command("patterns", "Find hidden patterns: post clusters on fused text + image + metadata features (automatic k), LDA text topics, and the communities and central accounts of the mention graph.")
        {
            dataset, clusters, maxClusters, topics, report, imageModel, rawIds, label, text, user, ignore, verbose,
        };
        command.SetAction(r => CommandRunner.Run(r.GetValue(verbose), cancellationToken =>
        {
            OutputPaths.Check(r);
            OptionChecks.Between(r.GetValue(topics), 0, 200, "--topics");
            var roles = new Dictionary<string, ColumnRole>(StringComparer.Ordinal);
            foreach (var column in CommonOptions.SplitList(r.GetValue(ignore)))
            {
                roles[column] = ColumnRole.Ignore;
            }

            if (r.GetValue(text) is { } textColumn)
            {
                roles[textColumn] = ColumnRole.Text;
            }

            var options = new PatternOptions
            {
                ClusterCount = ParseClusters(r.GetValue(clusters)!),
                Topics = new TopicModelOptions { TopicCount = r.GetValue(topics) },
                TextColumn = r.GetValue(text),
                UserColumn = r.GetValue(user),
                RawUserIds = r.GetValue(rawIds),
            };
            options.Clustering.MaxClusters = r.GetValue(maxClusters);
            if (r.GetValue(imageModel) is { } onnx)
            {
                options.Embedding.Featurizer.Image = new ImageFeaturizerOptions { Kind = ImageFeaturizerKind.Onnx, Onnx = OnnxImageModelOptions.MobileNetV2(onnx.FullName) };
            }

            var datasetFile = r.GetValue(dataset)!;
            AnsiConsole.MarkupLineInterpolated($"Loading [bold]{datasetFile.FullName}[/] …");
            var data = PostDatasetLoader.Load(datasetFile.FullName, new PostLoadOptions { LabelColumn = r.GetValue(label), RoleOverrides = roles });
            ConsoleOutput.LoadSummary(data);

            var result = PatternMiner.Mine(new MLContext(seed: 1), data, options, new ConsoleProgress(), cancellationToken);
            PrintClusters(result);
            PrintRangeWarnings(result);
            PrintTopics(result);
            PrintGraph(result);

            if (r.GetValue(report) is { } folder)
            {
                var path = PatternReport.Build(result, $"Hidden patterns in {Path.GetFileName(datasetFile.FullName)}").Save(folder.FullName);
                AnsiConsole.MarkupLineInterpolated($"Report written to [bold]{path}[/]");
            }

            return CommandRunner.Success;
        }));
        return command;
    }

    private static int? ParseClusters(string value)
    {
        if (value.Equals("auto", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int count) && count >= 2)
        {
            return count;
        }

        throw new ArgumentException($"--clusters must be 'auto' or a whole number of at least 2; got '{value}'.");
    }

    private static void PrintClusters(PatternResult result)
    {
        var chosen = result.Clustering.Chosen;
        AnsiConsole.MarkupLineInterpolated(
            $"[bold]{result.Clusters.Count} post clusters[/] (silhouette {F(chosen.Silhouette)}, Davies–Bouldin {F(chosen.DaviesBouldin)}; tried {string.Join(", ", result.Clustering.Scores.Select(s => $"{s.ClusterCount}: {F(s.Silhouette)}"))})");
        var table = new ResponsiveTable()
            .Column("cluster", rightAligned: true).Column("posts", rightAligned: true)
            .Column("top terms").Column("top hashtags").Column("topic");
        if (result.LabelColumn is not null)
        {
            table.Column(result.LabelColumn);
        }

        table.Column("image", rightAligned: true).Column("representative posts");
        foreach (var c in result.Clusters)
        {
            var cells = new List<string>
            {
                c.Id.ToString(CultureInfo.InvariantCulture),
                c.Size.ToString("N0", CultureInfo.InvariantCulture),
                string.Join(", ", c.TopTerms.Take(6).Select(t => t.Term)),
                string.Join(" ", c.TopHashtags.Take(4).Select(t => t.Term)),
                c.DominantTopic < 0 ? "—" : $"T{c.DominantTopic}",
            };
            if (result.LabelColumn is not null)
            {
                cells.Add(string.Join(" ", c.LabelCounts.OrderByDescending(l => l.Value).Take(3).Select(l => $"{l.Key} {l.Value * 100.0 / c.Size:0}%")));
            }

            cells.Add(c.Modalities.ImageShare.ToString("0%", CultureInfo.InvariantCulture));
            cells.Add(string.Join(" ", c.RepresentativePosts.Take(3)));
            table.Row([.. cells]);
        }

        table.Write();
    }

    // The library's warnings name C# options; here the same facts name the command's flags.
    private static void PrintRangeWarnings(PatternResult result)
    {
        var scores = result.Clustering.Scores;
        if (result.Clustering.ChosenAtLargestCount)
        {
            AnsiConsole.MarkupLineInterpolated(
                $"[yellow]Warning:[/] {result.Clusters.Count} clusters is the largest count tried ({scores[0].ClusterCount}–{scores[^1].ClusterCount}); more clusters may score better. Raise --max-clusters, or fix the count with --clusters N.");
        }

        if (result.Clustering.ChosenAtSmallestCount)
        {
            AnsiConsole.MarkupLineInterpolated(
                $"[yellow]Warning:[/] {result.Clusters.Count} clusters is the smallest count tried ({scores[0].ClusterCount}–{scores[^1].ClusterCount}); fewer clusters may score better.");
        }
    }

    private static void PrintTopics(PatternResult result)
    {
        if (result.Topics is not { } topics)
        {
            return;
        }

        AnsiConsole.MarkupLineInterpolated($"[bold]{topics.Topics.Count} text topics[/] (LDA)");
        var table = new ResponsiveTable().Column("topic").Column("posts", rightAligned: true)
            .Column("mean share", rightAligned: true).Column("top terms");
        foreach (var t in topics.Topics)
        {
            table.Row($"T{t.Id}", t.PostCount.ToString("N0", CultureInfo.InvariantCulture), t.MeanShare.ToString("0.000", CultureInfo.InvariantCulture), t.Label(8));
        }

        table.Write();
    }

    private static void PrintGraph(PatternResult result)
    {
        if (result.Graph is not { } graph || graph.Edges.Count == 0)
        {
            AnsiConsole.MarkupLine("[bold]Interaction graph[/]: no post names another account.");
            return;
        }

        AnsiConsole.MarkupLineInterpolated(
            $"[bold]Interaction graph[/]: {graph.Accounts.Count:N0} accounts, {graph.Edges.Count:N0} edges (weight {graph.TotalWeight:N0}), {graph.Communities.Count} communities, modularity {F(graph.Modularity)}{(result.UsersPseudonymized ? "; ids pseudonymised" : string.Empty)}");
        var central = new ResponsiveTable().Column("account").Column("PageRank", rightAligned: true)
            .Column("degree", rightAligned: true).Column("mentioned", rightAligned: true)
            .Column("posts", rightAligned: true).Column("community", rightAligned: true);
        foreach (var a in graph.Accounts.Take(10))
        {
            central.Row(a.User, a.PageRank.ToString("0.0000", CultureInfo.InvariantCulture), a.WeightedDegree.ToString("0", CultureInfo.InvariantCulture),
                a.TimesMentioned.ToString("0", CultureInfo.InvariantCulture), a.Posts.ToString(CultureInfo.InvariantCulture), a.Community.ToString(CultureInfo.InvariantCulture));
        }

        central.Write();
        var communities = new ResponsiveTable().Column("community", rightAligned: true)
            .Column("accounts", rightAligned: true).Column("most central members");
        foreach (var c in graph.Communities.Take(10))
        {
            communities.Row(c.Id.ToString(CultureInfo.InvariantCulture), c.Size.ToString(CultureInfo.InvariantCulture), string.Join(", ", c.Members.Take(5)));
        }

        communities.Write();
    }

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
