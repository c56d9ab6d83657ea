using CrossModalML.Data;
using CrossModalML.Prediction;
using Microsoft.ML;
using Spectre.Console;

namespace CrossModalML.Cli.Commands.Predict;

/// <summary>Runs <c>crossmodal predict</c>: streams the input in chunks, scores up to <see cref="PredictRequest.Parallel"/>
/// chunks at once, and writes the predictions strictly in input order.</summary>
internal static class PredictHandler
{
    /// <summary>Scores every post of the input and writes one prediction a row, in input order.</summary>
    public static void Run(PredictRequest request, CancellationToken cancellationToken)
    {
        using var predictor = LoadPredictor(request);
        var manifest = predictor.Manifest;
        using var writer = new PredictionWriter(request.Output.FullName, manifest.Task, manifest.ClassLabels, manifest.Tasks);
        var tally = new ScoringTally();

        // Up to `Parallel` chunks are scored at once; they are written strictly in the order they were read.
        var inFlight = new Queue<(PostDataset Chunk, Task<IReadOnlyList<PostPrediction>> Scoring)>();
        void WriteOldest()
        {
            var (chunk, scoring) = inFlight.Dequeue();
            var idColumn = chunk.Columns.FirstOrDefault(c => c.Role == ColumnRole.Id)?.Name;
            var predictions = scoring.GetAwaiter().GetResult();
            writer.Write(idColumn, idColumn is null ? null : chunk.GetColumnValues(idColumn), predictions);
            tally.Add(chunk, predictions);
        }

        AnsiConsole.MarkupLineInterpolated($"Scoring [bold]{request.Input.FullName}[/] in chunks of {request.ChunkSize:N0} posts, {request.Parallel} at a time …");
        foreach (var chunk in predictor.LoadInputInChunks(request.Input.FullName, request.ChunkSize, new PostLoadOptions { StrictImages = request.StrictImages }))
        {
            cancellationToken.ThrowIfCancellationRequested();
            inFlight.Enqueue((chunk, Task.Run(() => predictor.Predict(chunk), cancellationToken)));
            if (inFlight.Count >= request.Parallel)
            {
                WriteOldest();
            }
        }

        while (inFlight.Count > 0)
        {
            WriteOldest();
        }

        writer.Commit();
        tally.PrintSummary(request.Output);
    }

    /// <summary>The library call: the model's thread-safe predictor, through the front door.</summary>
    private static CrossModalPredictor LoadPredictor(PredictRequest request) =>
        new MLContext().CrossModal().LoadPredictor(request.Model.FullName, request.Predictor);
}
