using System.CommandLine;
using CrossModalML.Data;
using CrossModalML.Prediction;
using Spectre.Console;

namespace CrossModalML.Cli.Commands;

/// <summary><c>crossmodal predict</c>: score a file of posts with a saved model.</summary>
internal static class PredictCommand
{
    public static Command Create()
    {
        var model = CommonOptions.Model("The model zip.");
        var input = new Option<FileInfo>("--input", "-i") { Description = "Posts to score (.tsv, .csv or .jsonl) with the model's columns.", Required = true };
        var output = new Option<FileInfo>("--output", "-o") { Description = "Predictions to write; format by extension (.tsv, .csv, .jsonl).", Required = true };
        var verbose = CommonOptions.Verbose();
        var command = new Command("predict", "Predict a label (or value) for every post in a file.") { model, input, output, verbose };
        command.SetAction(r => CommandRunner.Run(r.GetValue(verbose), _ =>
        {
            using var predictor = CrossModalPredictor.Load(r.GetValue(model)!.FullName);
            var data = predictor.LoadInput(r.GetValue(input)!.FullName);
            ConsoleOutput.LoadSummary(data);
            AnsiConsole.MarkupLineInterpolated($"Scoring {data.RowCount:N0} posts …");
            var predictions = predictor.Predict(data);
            var idColumn = data.Columns.FirstOrDefault(c => c.Role == ColumnRole.Id)?.Name;
            var ids = idColumn is null ? null : data.GetColumnValues(idColumn);
            var outputFile = r.GetValue(output)!;
            PredictionWriter.Write(outputFile.FullName, predictor.Manifest.Task, predictor.Manifest.ClassLabels, idColumn, ids, predictions);
            AnsiConsole.MarkupLineInterpolated($"Wrote {predictions.Count:N0} predictions to [bold]{outputFile.FullName}[/].");
            return CommandRunner.Success;
        }));
        return command;
    }
}
