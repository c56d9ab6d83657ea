using System.CommandLine;
using System.Globalization;
using CrossModalML.Cli.Rendering;
using CrossModalML.Data;
using Microsoft.ML;

namespace CrossModalML.Cli.Commands;

/// <summary><c>crossmodal leaderboard</c>: every trial of a saved search refit on the training file and scored on a
/// labelled test file, beside its validation score from the search.</summary>
/// <remarks>The manifest keeps a fingerprint of the training data, not its path, so the training file is always given;
/// when its fingerprint differs from the manifest's, the refits run on it anyway and a warning says what that means.</remarks>
internal static class LeaderboardCommand
{
    public static Command Create()
    {
        var model = CommonOptions.Model("A model zip found by a search (train with --max-trials, --time or a balanced/best preset).");
        var train = new Option<FileInfo>("--train") { Description = "The posts the model was trained on; every trial is refit on them.", Required = true };
        var dataset = CommonOptions.Dataset("Labelled test posts with the model's columns; every trial is scored on them.");
        var top = new Option<int?>("--top") { Description = "Show only the N best rows (default: all; the report has every row)." };
        var report = CommonOptions.Report();
        var verbose = CommonOptions.Verbose();
        var command = new Command("leaderboard", "Refit every trial of a saved search on its training posts and score each on a labelled test file.")
        {
            model, train, dataset, top, report, verbose,
        };
        command.SetAction(r => CommandRunner.Run(r.GetValue(verbose), cancellationToken =>
        {
            OutputPaths.Check(r);
            if (r.GetValue(top) is < 1 and { } shown)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"--top must be at least 1, got {shown}."));
            }

            var catalog = new MLContext().CrossModal();
            using var loaded = catalog.LoadModel(r.GetValue(model)!.FullName);
            var manifest = loaded.Manifest;
            PostDataset Load(FileInfo file) =>
                PostDatasetLoader.LoadForScoring(file.FullName, manifest.Columns, manifest.Task, manifest.ClassLabels, requireLabel: true, options: null);
            var trainPosts = Load(r.GetValue(train)!);
            var testPosts = Load(r.GetValue(dataset)!);
            ConsoleText.Line(string.Create(
                CultureInfo.InvariantCulture,
                $"Refitting the {manifest.Search?.TrialsRun ?? 0} trials of {Path.GetFileName(loaded.FilePath)} on {trainPosts.RowCount:N0} posts of {Path.GetFileName(trainPosts.SourcePath)}, scoring on {testPosts.RowCount:N0} posts of {Path.GetFileName(testPosts.SourcePath)}:"));
            var board = catalog.Leaderboard(loaded, trainPosts, testPosts, CatalogProgress.ForSteps(), cancellationToken);
            TestLeaderboardView.Write(board, r.GetValue(top));
            WarningLines.Print(board.Warnings);
            JsonReport.Write(r.GetValue(report), new
            {
                label = manifest.LabelColumn,
                metric = board.Metric,
                trainingRows = board.TrainingRows,
                testRows = board.TestRows,
                trainingDataMatches = board.TrainingDataMatches,
                entries = board.Entries,
                warnings = board.Warnings,
            });
            return CommandRunner.Success;
        }));
        return command;
    }
}
