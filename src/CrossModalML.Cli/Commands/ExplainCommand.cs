using System.CommandLine;
using System.Globalization;
using CrossModalML.Cli.Rendering;
using CrossModalML.Analysis.Explanations;
using CrossModalML.Data;
using CrossModalML.Prediction;
using Microsoft.ML;
using Spectre.Console;

namespace CrossModalML.Cli.Commands;

/// <summary><c>crossmodal explain</c>: which modalities and columns a model relies on, overall and for single posts.</summary>
internal static class ExplainCommand
{
    public static Command Create()
    {
        var model = CommonOptions.Model("The model zip to explain.");
        var dataset = CommonOptions.Dataset("Labelled posts with the model's columns.");
        var rows = new Option<int>("--rows") { Description = "Posts used for the global ranking (a seeded sample when the file has more).", DefaultValueFactory = _ => 1000 };
        var posts = new Option<int>("--posts") { Description = "How many posts to explain one by one.", DefaultValueFactory = _ => 5 };
        var postId = new Option<string?>("--post-id") { Description = "Explain the post with this id (needs an id column)." };
        var repeats = new Option<int>("--repeats") { Description = "Permutations per modality or column.", DefaultValueFactory = _ => 3 };
        var seed = new Option<int>("--seed") { Description = "Seed for sampling and permutations.", DefaultValueFactory = _ => 1 };
        var task = new Option<string?>("--task") { Description = "Multi-task models: the task whose per-post predictions to explain (default: the main task)." };
        var report = CommonOptions.Report();
        var verbose = CommonOptions.Verbose();
        var command = new Command("explain", "Rank modalities and columns by importance and show per-post contributions.")
        {
            model, dataset, rows, posts, postId, repeats, seed, task, report, verbose,
        };
        command.SetAction(r => CommandRunner.Run(r.GetValue(verbose), cancellationToken =>
        {
            OutputPaths.Check(r);
            OptionChecks.AtLeast(r.GetValue(rows), 1, "--rows");
            OptionChecks.AtLeast(r.GetValue(posts), 0, "--posts");
            OptionChecks.AtLeast(r.GetValue(repeats), 1, "--repeats");
            using var predictor = new MLContext().CrossModal().LoadPredictor(r.GetValue(model)!.FullName);
            var data = predictor.LoadInput(r.GetValue(dataset)!.FullName, requireLabel: true);
            var options = new ExplainerOptions { Repeats = r.GetValue(repeats), Seed = r.GetValue(seed), MaxRows = r.GetValue(rows) };
            var explainer = new ModelExplainer(predictor, options);
            var taskName = r.GetValue(task);
            AnsiConsole.MarkupLineInterpolated($"Permuting each modality and column over {Math.Min(data.RowCount, r.GetValue(rows)):N0} posts …");
            var global = explainer.ExplainGlobal(data, taskName, cancellationToken);
            var heading = predictor.Manifest.IsMultiTask ? $"Task {global.Task}: baseline" : "Baseline";
            AnsiConsole.MarkupLineInterpolated($"[bold]{heading} {global.Metric}: {global.Baseline:0.0000}[/]");
            WarningLines.Print(global.Warnings);
            Importances("modality", global.Modalities, global.Metric);
            Importances("column", global.Columns, global.Metric);

            // Single posts are explained from the whole file, so --post-id finds any post, sampled or not.
            var explained = new List<object>();
            var idColumn = data.Columns.FirstOrDefault(c => c.Role == ColumnRole.Id)?.Name;
            var userColumn = data.Columns.FirstOrDefault(c => c.Role == ColumnRole.User)?.Name;
            var columns = data.Columns.Where(c => c.Role is not (ColumnRole.Label or ColumnRole.Ignore)).Select(c => c.Name).ToList();
            var values = columns.ToDictionary(c => c, data.GetColumnValues);
            var chosen = Enumerable.Range(0, Math.Min(r.GetValue(posts), data.RowCount)).ToList();
            if (r.GetValue(postId) is { } wanted)
            {
                if (idColumn is null)
                {
                    throw new ArgumentException("--post-id needs an id column in the data; none was found.");
                }

                int index = values[idColumn].ToList().IndexOf(wanted);
                chosen = index >= 0 ? [index] : throw new ArgumentException($"No post has {idColumn} '{wanted}' in '{data.SourcePath}' (--post-id).");
            }

            foreach (int i in chosen)
            {
                var post = columns.ToDictionary(c => c, c => (string?)values[c][i]);
                var explanation = explainer.ExplainPost(post, taskName);
                string name = idColumn is null ? $"row {i + 1}" : values[idColumn][i];

                // Authors appear only as the model's salted pseudonyms, never as raw user ids.
                string? author = userColumn is null || predictor.Manifest.UserIdSaltId is null ? null : predictor.PseudonymizeUser(values[userColumn][i]);
                var parts = string.Join(", ", explanation.Modalities.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Name} {m.Delta:+0.00;-0.00}")));
                AnsiConsole.MarkupLineInterpolated($"[bold]{name}[/] → {explanation.PredictedLabel ?? explanation.Score.ToString("0.###", CultureInfo.InvariantCulture)}: {explanation.Summary()}  [grey]({parts})[/]");
                explained.Add(new { post = name, user = author, explanation.PredictedLabel, explanation.Score, explanation.Modalities, explanation.Columns, summary = explanation.Summary() });
            }

            JsonReport.Write(r.GetValue(report), new { global, posts = explained });
            return CommandRunner.Success;
        }));
        return command;
    }

    private static void Importances(string kind, IReadOnlyList<FeatureImportance> items, string metric)
    {
        var table = new ResponsiveTable().Column(kind)
            .Column($"{metric} lost when permuted", rightAligned: true).Column("±", rightAligned: true);
        foreach (var item in items)
        {
            table.Row(item.Name, item.Drop.ToString("0.0000", CultureInfo.InvariantCulture), item.DropStandardDeviation.ToString("0.0000", CultureInfo.InvariantCulture));
        }

        table.Write();
    }
}
