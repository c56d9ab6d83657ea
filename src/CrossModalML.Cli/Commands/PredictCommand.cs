using System.CommandLine;
using System.Diagnostics;
using CrossModalML.Data;
using CrossModalML.Execution;
using CrossModalML.Prediction;
using Spectre.Console;

namespace CrossModalML.Cli.Commands;

/// <summary><c>crossmodal predict</c>: score a file of posts with a saved model, streaming it in chunks.</summary>
internal static class PredictCommand
{
    private const int MaxWarningsShown = 10;

    public static Command Create()
    {
        var model = CommonOptions.Model("The model zip.");
        var input = new Option<FileInfo>("--input", "-i") { Description = "Posts to score (.tsv, .csv or .jsonl) with the model's columns.", Required = true };
        var output = new Option<FileInfo>("--output", "-o") { Description = "Predictions to write; format by extension (.tsv, .csv, .jsonl).", Required = true };
        var chunkSize = new Option<int>("--chunk-size") { Description = "Posts read and scored at a time; bounds memory use.", DefaultValueFactory = _ => 10_000 };
        var parallel = new Option<int>("--parallel") { Description = "Chunks scored at once (output order is kept); with --cluster, chunks in flight on the cluster (default 8 there).", DefaultValueFactory = _ => 1 };
        var clusterFlags = new ClusterFlags();
        var imageRoot = new Option<DirectoryInfo?>("--image-root") { Description = "Reject image paths that resolve outside this directory (every symbolic link on the path is followed); nothing outside it is opened." };
        var maxImagePixels = new Option<long>("--max-image-pixels")
        {
            Description = "Largest image (width x height, read from its header) that is decoded; a larger one is scored as missing with a warning.",
            DefaultValueFactory = _ => new PredictorOptions().MaxImagePixels,
        };
        var strictImages = new Option<bool>("--strict-images") { Description = "Fail on a missing or unreadable image instead of scoring the post without it." };
        var verbose = CommonOptions.Verbose();
        var command = new Command("predict", "Predict a label (or value) for every post in a file, one output row per input row, in input order.")
        {
            model, input, output, chunkSize, parallel, imageRoot, maxImagePixels, strictImages, verbose,
        };
        foreach (var option in clusterFlags.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(r => CommandRunner.Run(r.GetValue(verbose), cancellationToken =>
        {
            OutputPaths.Check(r);
            int rowsPerChunk = r.GetValue(chunkSize);
            var clusterOptions = clusterFlags.ClientOptions(r);
            int degree = clusterOptions is not null && r.GetResult(parallel) is null or { Implicit: true } ? 8 : r.GetValue(parallel);
            if (rowsPerChunk < 1)
            {
                throw new ArgumentException($"--chunk-size must be at least 1, got {rowsPerChunk}.");
            }

            if (degree < 1)
            {
                throw new ArgumentException($"--parallel must be at least 1, got {degree}.");
            }

            long pixelLimit = r.GetValue(maxImagePixels);
            if (pixelLimit < 1)
            {
                throw new ArgumentException($"--max-image-pixels must be at least 1, got {pixelLimit}.");
            }

            var options = new PredictorOptions { AllowedImageRoot = r.GetValue(imageRoot)?.FullName, MaxImagePixels = pixelLimit };
            using var predictor = CrossModalPredictor.Load(r.GetValue(model)!.FullName, options);
            var inputFile = r.GetValue(input)!;
            var outputFile = r.GetValue(output)!;
            var manifest = predictor.Manifest;
            using var writer = new PredictionWriter(outputFile.FullName, manifest.Task, manifest.ClassLabels, manifest.Tasks);
            var clock = Stopwatch.StartNew();
            var lastReport = TimeSpan.Zero;
            long rows = 0;
            long withoutImage = 0;
            int warnings = 0;
            var examples = new List<string>();

            // Chunks go to the executor `degree` at a time and are written strictly in the order they were read.
            using var cluster = ClusterSession.Open(clusterOptions, degree, cancellationToken);
            var executor = cluster.Executor ?? new LocalWorkExecutor(degree);
            var wave = new List<PostDataset>(degree);
            void ScoreWave()
            {
                var scored = predictor.PredictChunksAsync(wave, executor, cancellationToken).GetAwaiter().GetResult();
                for (int i = 0; i < wave.Count; i++)
                {
                    Write(wave[i], scored[i]);
                }

                wave.Clear();
            }

            void Write(PostDataset chunk, IReadOnlyList<PostPrediction> predictions)
            {
                var idColumn = chunk.Columns.FirstOrDefault(c => c.Role == ColumnRole.Id)?.Name;
                writer.Write(idColumn, idColumn is null ? null : chunk.GetColumnValues(idColumn), predictions);
                rows += chunk.RowCount;
                foreach (var warning in chunk.Report.Warnings.Take(Math.Max(0, MaxWarningsShown - warnings)))
                {
                    // Each names the file and the reason (e.g. an image over --max-image-pixels, with its size).
                    Console.Error.WriteLine($"  warning: {warning}");
                }

                warnings += chunk.Report.Warnings.Count;
                foreach (var prediction in predictions.Where(p => p.Warnings.Count > 0))
                {
                    withoutImage++;
                    if (examples.Count < 3)
                    {
                        examples.Add(prediction.Warnings[0]);
                    }
                }
                if (clock.Elapsed - lastReport >= TimeSpan.FromSeconds(1))
                {
                    lastReport = clock.Elapsed;
                    Console.Error.WriteLine($"  {rows:N0} posts scored ({rows / clock.Elapsed.TotalSeconds:N0} posts/s)");
                }
            }

            AnsiConsole.MarkupLineInterpolated($"Scoring [bold]{inputFile.FullName}[/] in chunks of {rowsPerChunk:N0} posts, {degree} at a time{(cluster.Executor is null ? "" : " on the cluster")} …");
            foreach (var chunk in predictor.LoadInputInChunks(inputFile.FullName, rowsPerChunk, new PostLoadOptions { StrictImages = r.GetValue(strictImages) }))
            {
                cancellationToken.ThrowIfCancellationRequested();
                wave.Add(chunk);
                if (wave.Count >= degree)
                {
                    ScoreWave();
                }
            }

            if (wave.Count > 0)
            {
                ScoreWave();
            }

            writer.Commit();

            var seconds = clock.Elapsed.TotalSeconds;
            AnsiConsole.MarkupLineInterpolated(
                $"Wrote {rows:N0} predictions to [bold]{outputFile.FullName}[/] in {seconds:0.0} s ({rows / Math.Max(seconds, 1e-9):N0} posts/s).");
            if (withoutImage > 0)
            {
                AnsiConsole.MarkupLineInterpolated(
                    $"[yellow]Warning:[/] {withoutImage:N0} of {rows:N0} posts were scored without their image (missing or unreadable), so their predictions rest on the other modalities; --strict-images makes this an error.");
                foreach (var example in examples)
                {
                    AnsiConsole.MarkupLineInterpolated($"  e.g. {example}");
                }
            }
            return CommandRunner.Success;
        }));
        return command;
    }
}
