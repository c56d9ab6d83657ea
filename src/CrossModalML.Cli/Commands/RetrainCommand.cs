using System.CommandLine;
using System.Globalization;
using CrossModalML.Packaging;
using Spectre.Console;

namespace CrossModalML.Cli.Commands;

/// <summary><c>crossmodal retrain</c>: refit a saved model's pipeline on new data and compare old and new on a hold-out.</summary>
internal static class RetrainCommand
{
    public static Command Create()
    {
        var model = CommonOptions.Model("The model zip to retrain; it is only read.");
        var dataset = CommonOptions.Dataset("New labelled posts with the model's columns.");
        var output = new Option<FileInfo>("--output", "-o") { Description = "The new model zip to write (not the old model's path).", Required = true };
        var imageModel = new Option<FileInfo?>("--image-model") { Description = "The ONNX image encoder the model was trained with (required if it used one; its SHA-256 is checked)." };
        var testFraction = new Option<double>("--test-fraction") { Description = "Share of the new rows held out to compare the models.", DefaultValueFactory = _ => 0.2 };
        var seed = new Option<int?>("--seed") { Description = "Seed for the split and the fit (default: the model's seed)." };
        var report = CommonOptions.Report();
        var verbose = CommonOptions.Verbose();
        var command = new Command("retrain", "Refit a model's pipeline (columns, featurizer, trainer, hyperparameters) on new data; compare old and new on a stratified hold-out of it.")
        {
            model, dataset, output, imageModel, testFraction, seed, report, verbose,
        };
        command.SetAction(r => CommandRunner.Run(r.GetValue(verbose), cancellationToken =>
        {
            var options = new RetrainingOptions
            {
                ImageModelPath = r.GetValue(imageModel)?.FullName,
                TestFraction = r.GetValue(testFraction),
                Seed = r.GetValue(seed),
            };
            var outputFile = r.GetValue(output)!;
            var result = ModelRetrainer.Retrain(
                r.GetValue(model)!.FullName, r.GetValue(dataset)!.FullName, outputFile.FullName, options, ConsoleOutput.TrainingProgress(), cancellationToken);

            ConsoleOutput.Metrics(result.OldMetrics, $"Old model on the hold-out ({result.HoldOutRows:N0} new posts):");
            ConsoleOutput.Metrics(result.NewMetrics, $"New model on the same hold-out (fitted on the other new posts):");
            var name = result.OldMetrics.Task == Data.TaskKind.Regression ? "RMSE" : "macro-F1";
            var verdict = result.Improved ? "[green]better[/]" : "[yellow]not better[/]";
            AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: old {result.OldMetrics.Primary:0.0000}, new {result.NewMetrics.Primary:0.0000}, change {result.PrimaryChange:+0.0000;-0.0000;0.0000} ({verdict})"));
            AnsiConsole.MarkupLineInterpolated($"New model (refit on all {result.TrainingRows:N0} new posts) saved to [bold]{result.OutputPath}[/]; the old model is unchanged.");
            JsonReport.Write(r.GetValue(report), new
            {
                task = result.Manifest.Task,
                label = result.Manifest.LabelColumn,
                trainer = result.Manifest.Trainer,
                holdOutRows = result.HoldOutRows,
                trainingRows = result.TrainingRows,
                oldMetrics = result.OldMetrics,
                newMetrics = result.NewMetrics,
                primaryMetric = name,
                primaryChange = result.PrimaryChange,
                improved = result.Improved,
                model = result.OutputPath,
            });
            return CommandRunner.Success;
        }));
        return command;
    }
}
