using System.CommandLine;
using CrossModalML.Cli.Rendering;
using System.Globalization;
using CrossModalML.AutoML;
using CrossModalML.Packaging;
using Spectre.Console;
using CrossModalML.Retraining;
using CrossModalML.Evaluation;

namespace CrossModalML.Cli.Commands;

/// <summary><c>crossmodal retrain</c>: refit a saved model's pipeline on new data (or search it again with <c>--search</c>)
/// and compare old and new on a hold-out.</summary>
internal static class RetrainCommand
{
    public static Command Create()
    {
        var model = CommonOptions.Model("The model zip to retrain; it is only read.");
        var dataset = CommonOptions.Dataset("New labelled posts with the model's columns.");
        var output = new Option<FileInfo>("--output", "-o") { Description = "The new model zip to write (not the old model's path).", Required = true };
        var imageModel = new Option<FileInfo?>("--image-model") { Description = "The ONNX image encoder the model was trained with (required if it used one; its SHA-256 is checked)." };
        var wordVectors = new Option<FileInfo?>("--word-vectors")
        {
            Description = "The word-vector model the model was trained with (required if it used one; its SHA-256 and its vocabulary's are checked).",
        };
        var testFraction = new Option<double>("--test-fraction") { Description = "Share of the new rows held out to compare the models.", DefaultValueFactory = _ => 0.2 };
        var seed = new Option<int?>("--seed") { Description = "Seed for the split and the fit (default: the model's seed)." };
        var search = new Option<bool>("--search")
        {
            Description = "Re-run the AutoML search (trainers, hyperparameters, n-gram settings) on the new data instead of reusing the model's; needs --time and/or --max-trials.",
        };
        var time = new Option<double?>("--time") { Description = "With --search: search for this many seconds." };
        var maxTrials = new Option<int?>("--max-trials") { Description = "With --search: at most this many trials (reproducible with --seed)." };
        var metric = new Option<string?>("--metric") { Description = "With --search: macro-f1 (classification default), accuracy, auc, log-loss, rmse (regression default), r2, mae." };
        var tuner = new Option<TunerKind>("--tuner") { Description = "With --search: cfo (cost-frugal, default) or random.", DefaultValueFactory = _ => TunerKind.Cfo };
        var trialTime = new Option<double>("--trial-time") { Description = "With --search: time limit of one trial in seconds.", DefaultValueFactory = _ => 120 };
        var appendOld = new Option<FileInfo?>("--append-old")
        {
            Description = "Older labelled posts (e.g. the old model's training file) to train on together with the new ones; the comparison hold-out still comes from the new posts only.",
        };
        var keepBetter = new Option<bool>("--keep-better")
        {
            Description = "When the new model is worse than the old one on the hold-out, write a copy of the old model to --output instead.",
        };
        var noCache = CommonOptions.NoCache();
        var report = CommonOptions.Report();
        var verbose = CommonOptions.Verbose();
        var command = new Command("retrain", "Refit a model's pipeline (columns, featurizer, trainer, hyperparameters) on new data; compare old and new on a stratified hold-out of it.")
        {
            model, dataset, output, imageModel, wordVectors, testFraction, seed, search, time, maxTrials, metric, tuner, trialTime, appendOld, keepBetter, noCache, report, verbose,
        };
        command.SetAction(r => CommandRunner.Run(r.GetValue(verbose), cancellationToken =>
        {
            OutputPaths.Check(r);
            OptionChecks.Fraction(r.GetValue(testFraction), "--test-fraction");
            OptionChecks.Positive(r.GetValue(time), "--time");
            OptionChecks.Positive(r.GetValue(trialTime), "--trial-time");
            OptionChecks.AtLeast(r.GetValue(maxTrials), 1, "--max-trials");
            var options = new RetrainingOptions
            {
                ImageModelPath = r.GetValue(imageModel)?.FullName,
                WordVectorModelPath = r.GetValue(wordVectors)?.FullName,
                EncoderCache = CommonOptions.Cache(r.GetValue(noCache)),
                TestFraction = r.GetValue(testFraction),
                Seed = r.GetValue(seed),
                OldDataPath = r.GetValue(appendOld)?.FullName,
                KeepBetter = r.GetValue(keepBetter),
            };
            if (r.GetValue(search))
            {
                options.Search = new RetrainingSearchOptions
                {
                    Budget = new SearchBudget
                    {
                        Time = r.GetValue(time) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
                        MaxTrials = r.GetValue(maxTrials),
                        TrialTimeLimit = TimeSpan.FromSeconds(r.GetValue(trialTime)),
                        Metric = r.GetValue(metric) is { } metricName ? AutoMLMetrics.Parse(metricName) : null,
                        Tuner = r.GetValue(tuner),
                    },
                    TrialProgress = new ConsoleProgress(r.GetValue(maxTrials), r.GetValue(time) is { } budget ? TimeSpan.FromSeconds(budget) : null),
                };
            }
            else if (r.GetValue(time) is not null || r.GetValue(maxTrials) is not null || r.GetValue(metric) is not null)
            {
                throw new ArgumentException("--time, --max-trials and --metric set up a search; add --search to re-run it, or drop them to refit the model's own trainer.");
            }

            var outputFile = r.GetValue(output)!;
            var result = ModelRetrainer.Retrain(
                r.GetValue(model)!.FullName, r.GetValue(dataset)!.FullName, outputFile.FullName, options, ConsoleOutput.TrainingProgress(), cancellationToken);

            if (result.Search is { } trials)
            {
                LeaderboardView.Write(trials, top: 10);
                AnsiConsole.MarkupLineInterpolated(
                    $"Search stopped ({trials.StopReason}) after {trials.Trials.Count} trials in {trials.Elapsed.TotalSeconds:0.0} s; winner: {result.Manifest.Trainer}.");
            }

            RetrainOutput.Comparison(result);
            JsonReport.Write(r.GetValue(report), new
            {
                task = result.Manifest.Task,
                label = result.Manifest.LabelColumn,
                trainer = result.Manifest.Trainer,
                search = result.Manifest.Search,
                holdOutRows = result.HoldOutRows,
                trainingRows = result.TrainingRows,
                oldMetrics = result.OldMetrics,
                newMetrics = result.NewMetrics,
                primaryMetric = result.OldMetrics.Task == Data.TaskKind.Regression ? "RMSE" : "macro-F1",
                primaryChange = result.PrimaryChange,
                improved = result.Improved,
                keptOldModel = result.KeptOldModel,
                oldRowsAdded = result.OldRowsAdded,
                warnings = result.Warnings,
                model = result.OutputPath,
            });
            return CommandRunner.Success;
        }));
        return command;
    }
}
