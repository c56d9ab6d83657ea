using System.CommandLine;
using System.Globalization;
using CrossModalML.Cli.Rendering;
using CrossModalML.Analysis.Clustering;
using CrossModalML.Analysis.Users;
using CrossModalML.Data;
using CrossModalML.Featurization.Text;
using Microsoft.ML;
using Spectre.Console;

namespace CrossModalML.Cli.Commands;

/// <summary><c>crossmodal users</c>: user profiles, behaviour segments with automatic count, descriptions and recommendations.</summary>
internal static class UsersCommand
{
    public static Command Create()
    {
        var dataset = CommonOptions.Dataset("Posts with a user column: .tsv, .csv or .jsonl with a header.");
        var user = new Option<string?>("--user") { Description = "The column naming each post's author (default: the column inferred as user, e.g. user_id)." };
        var label = new Option<string?>("--label") { Description = "A label column to summarise as each user's label tendency (e.g. sentiment)." };
        var segments = new Option<string>("--segments") { Description = "Number of segments, or 'auto' to choose it by silhouette.", DefaultValueFactory = _ => "auto" };
        var maxSegments = new Option<int>("--max-segments") { Description = "Largest number of segments tried with --segments auto.", DefaultValueFactory = _ => new ClusteringOptions().MaxClusters };
        var minPosts = new Option<int>("--min-posts") { Description = "Leave out users with fewer posts.", DefaultValueFactory = _ => 1 };
        var recommend = new Option<string?>("--recommend") { Description = "Recommend posts to this user (the id as in the data, or the pseudonym shown)." };
        var top = new Option<int>("--top") { Description = "How many posts to recommend.", DefaultValueFactory = _ => 10 };
        var excludeMentions = new Option<bool>("--exclude-mentions") { Description = "Do not recommend posts that @-mention the user." };
        var report = new Option<DirectoryInfo?>("--report") { Description = "Write a Markdown report with PNG charts into this folder." };
        var rawIds = new Option<bool>("--raw-ids") { Description = "Show raw user ids instead of salted pseudonyms (internal reports only)." };
        var salt = new Option<string?>("--salt") { Description = "Secret salt for the pseudonyms, for the same pseudonyms across runs (default: random per run, not stored)." };
        var ignore = new Option<string[]>("--ignore") { Description = "Columns to leave out (comma-separated or repeated).", AllowMultipleArgumentsPerToken = true };
        var seed = new Option<int>("--seed") { Description = "Seed for the embeddings and k-means.", DefaultValueFactory = _ => 1 };
        var verbose = CommonOptions.Verbose();
        var command = new Command("users", "Profile users from their posts, segment them by behaviour, describe the segments and recommend posts.")
        {
            dataset, user, label, segments, maxSegments, minPosts, recommend, top, excludeMentions, report, rawIds, salt, ignore, seed, verbose,
        };
        command.SetAction(r => CommandRunner.Run(r.GetValue(verbose), cancellationToken =>
        {
            OutputPaths.Check(r);
            OptionChecks.AtLeast(r.GetValue(minPosts), 1, "--min-posts");
            OptionChecks.Between(r.GetValue(top), 1, 1000, "--top");
            var roles = CommonOptions.SplitList(r.GetValue(ignore)).ToDictionary(c => c, _ => ColumnRole.Ignore, StringComparer.Ordinal);
            if (r.GetValue(user) is { } userColumn)
            {
                roles[userColumn] = ColumnRole.User;
            }

            var options = new UserBehaviourOptions
            {
                UserColumn = r.GetValue(user),
                SegmentCount = ParseSegments(r.GetValue(segments)!),
                Segmentation = new ClusteringOptions { MaxClusters = r.GetValue(maxSegments), Seed = r.GetValue(seed) },
                MinPostsPerUser = r.GetValue(minPosts),
                RawUserIds = r.GetValue(rawIds),
                PseudonymSalt = r.GetValue(salt),
            };
            options.Embedding.Seed = r.GetValue(seed);
            var recommendationOptions = new RecommendationOptions { Top = r.GetValue(top), ExcludeMentionsOfUser = r.GetValue(excludeMentions) };

            var datasetFile = r.GetValue(dataset)!;
            AnsiConsole.MarkupLineInterpolated($"Loading [bold]{datasetFile.FullName}[/] …");
            var data = PostDatasetLoader.Load(datasetFile.FullName, new PostLoadOptions { LabelColumn = r.GetValue(label), RoleOverrides = roles });
            ConsoleOutput.LoadSummary(data);
            var progress = new ConsoleProgress();
            var result = UserBehaviourAnalyzer.Analyze(new MLContext(r.GetValue(seed)), data, options, progress, cancellationToken);
            PrintSegments(result);

            if (r.GetValue(recommend) is { } wanted)
            {
                PrintRecommendations(result, data, wanted, recommendationOptions);
            }

            if (r.GetValue(report) is { } folder)
            {
                var path = UserBehaviourReport.Build(result, r.GetValue(recommend), recommendationOptions).Save(folder.FullName);
                AnsiConsole.MarkupLineInterpolated($"Report: [bold]{path}[/]");
            }

            return CommandRunner.Success;
        }));
        return command;
    }

    private static int? ParseSegments(string text)
    {
        if (string.Equals(text.Trim(), "auto", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int count) && count is >= 2 and <= 100
            ? count
            : throw new ArgumentException($"--segments must be 'auto' or a whole number from 2 to 100; got '{text}'.");
    }

    private static void PrintSegments(UserBehaviourResult result)
    {
        var c = CultureInfo.InvariantCulture;
        AnsiConsole.MarkupLine(result.IdsArePseudonymised
            ? "[grey]Users are shown as salted pseudonyms (pass --raw-ids for an internal report with raw ids).[/]"
            : "[yellow]Raw user ids are shown (--raw-ids); keep this output internal.[/]");
        var scores = string.Join("  ", result.SegmentCountScores.Select(s => string.Create(c, $"{s.ClusterCount}: {s.Silhouette:0.000}")));
        AnsiConsole.MarkupLineInterpolated($"[grey]Silhouette by segment count: {scores}[/]");
        AnsiConsole.MarkupLineInterpolated(
            $"[bold]{result.Profiles.Count:N0} users, {result.ProfiledPosts:N0} posts → {result.Segments.Count} segments[/] ({(result.SegmentCountChosenAutomatically ? "automatic" : "requested")}; silhouette {result.ChosenSegmentCount.Silhouette.ToString("0.000", c)}, Davies–Bouldin {result.ChosenSegmentCount.DaviesBouldin.ToString("0.000", c)})");
        var table = new ResponsiveTable()
            .Column("segment", rightAligned: true).Column("users", rightAligned: true)
            .Column("posts", rightAligned: true).Column("description");
        foreach (var segment in result.Segments)
        {
            table.Row(segment.Number.ToString(c), segment.UserCount.ToString("N0", c), segment.PostCount.ToString("N0", c), segment.Description);
        }

        table.Write();
    }

    private static void PrintRecommendations(UserBehaviourResult result, PostDataset data, string user, RecommendationOptions options)
    {
        var c = CultureInfo.InvariantCulture;
        var recommendations = result.Recommend(user, options);
        var profile = result.FindProfile(user)!;
        var text = data.Columns.FirstOrDefault(col => col.Role == ColumnRole.Text)?.Name;
        var texts = text is null ? null : data.GetColumnValues(text);
        AnsiConsole.MarkupLineInterpolated($"[bold]Recommendations for {profile.User}[/] (segment {profile.Segment}, {profile.PostCount} posts):");
        var table = new ResponsiveTable()
            .Column("rank", rightAligned: true).Column("post").Column("cosine", rightAligned: true);
        if (texts is not null)
        {
            table.Column("text");
        }

        for (int i = 0; i < recommendations.Count; i++)
        {
            var row = new List<string> { (i + 1).ToString(c), recommendations[i].PostId, recommendations[i].Score.ToString("0.000", c) };
            if (texts is not null)
            {
                // Mentions name other users; unless raw ids were asked for, they are masked like the users themselves.
                var t = result.IdsArePseudonymised ? SocialTokens.ReplaceAccountNames(texts[recommendations[i].Row], _ => "@user") : texts[recommendations[i].Row];
                row.Add(t.Length > 70 ? t[..70] + "…" : t);
            }

            table.Row([.. row]);
        }

        table.Write();
    }
}
