using System.CommandLine;
using CrossModalML.Prediction;
using Microsoft.ML;
using Spectre.Console;

namespace CrossModalML.Cli.Commands;

/// <summary><c>crossmodal evaluate</c>: score labelled posts with a saved model and report its metrics.</summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var model = CommonOptions.Model("The model zip to evaluate.");
        var dataset = CommonOptions.Dataset("Labelled posts with the model's columns.");
        var report = CommonOptions.Report();
        var verbose = CommonOptions.Verbose();
        var command = new Command("evaluate", "Evaluate a saved model on labelled posts (every task of a multi-task model; the file needs each task's label).") { model, dataset, report, verbose };
        command.SetAction(r => CommandRunner.Run(r.GetValue(verbose), _ =>
        {
            OutputPaths.Check(r);
            using var predictor = new MLContext().CrossModal().LoadPredictor(r.GetValue(model)!.FullName);
            var data = predictor.LoadInput(r.GetValue(dataset)!.FullName, requireLabel: true);
            ConsoleOutput.LoadSummary(data);
            if (predictor.Manifest.IsMultiTask)
            {
                var byTask = predictor.EvaluateTasks(data);
                foreach (var task in predictor.Manifest.Tasks!)
                {
                    ConsoleOutput.Metrics(byTask[task.Name], $"{task.Name}{(task.IsMain ? " (main)" : string.Empty)}: {task.Trainer.Name} on {Path.GetFileName(data.SourcePath)}:");
                }

                WarningLines.Print(byTask.Values.SelectMany(m => m.Warnings ?? []));

                JsonReport.Write(r.GetValue(report), new
                {
                    mainTask = predictor.Manifest.LabelColumn,
                    tasks = predictor.Manifest.Tasks!.Select(t => new { name = t.Name, task = t.Task, classLabels = t.ClassLabels, trainer = t.Trainer, metrics = byTask[t.Name] }),
                    loading = data.Report,
                });
                return CommandRunner.Success;
            }

            var metrics = predictor.Evaluate(data);
            ConsoleOutput.Metrics(metrics, $"{predictor.Manifest.Trainer.Name} on {Path.GetFileName(data.SourcePath)}:");
            WarningLines.Print(metrics.Warnings);
            JsonReport.Write(r.GetValue(report), new
            {
                task = predictor.Manifest.Task,
                label = predictor.Manifest.LabelColumn,
                classLabels = predictor.Manifest.ClassLabels,
                trainer = predictor.Manifest.Trainer,
                metrics,
                loading = data.Report,
            });
            return CommandRunner.Success;
        }));
        return command;
    }
}
