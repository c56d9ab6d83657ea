using CrossModalML.Data;
using CrossModalML.Execution;
using CrossModalML.Packaging;
using CrossModalML.Prediction;
using Microsoft.ML;
using Spectre.Console;

namespace CrossModalML.Cli.Commands.Predict;

/// <summary>Runs <c>crossmodal predict</c>: streams the input in chunks, scores as many chunks at once as the executor runs
/// (<see cref="PredictRequest.Parallel"/> here; on a cluster at least that, more as workers join), and writes the
/// predictions strictly in input order.</summary>
internal static class PredictHandler
{
    /// <summary>Scores every post of the input and writes one prediction a row, in input order.</summary>
    public static void Run(PredictRequest request, CancellationToken cancellationToken)
    {
        using var predictor = LoadPredictor(request);
        var manifest = predictor.Manifest;
        using var writer = new PredictionWriter(request.Output.FullName, manifest.Task, manifest.ClassLabels, manifest.Tasks, manifest.LabelColumn);
        var tally = new ScoringTally(manifest.Task);

        // Chunks go to the executor as many at a time as it runs at once and are written strictly in the order they were read.
        using var cluster = ClusterSession.Open(request.Cluster, request.Parallel, cancellationToken);
        var executor = cluster.Executor ?? new LocalWorkExecutor(request.Parallel);
        var wave = new List<PostDataset>(request.Parallel);
        void ScoreWave()
        {
            var scored = predictor.PredictChunksAsync(wave, executor, cancellationToken).GetAwaiter().GetResult();
            for (int i = 0; i < wave.Count; i++)
            {
                var idColumn = wave[i].Columns.FirstOrDefault(c => c.Role == ColumnRole.Id)?.Name;
                var labels = TrueLabels.Of(wave[i], manifest);
                writer.Write(idColumn, idColumn is null ? null : wave[i].GetColumnValues(idColumn), scored[i], labels);
                tally.Add(wave[i], scored[i], labels);
            }

            wave.Clear();
        }

        var where = cluster.Executor is null ? string.Empty : " on the cluster";
        AnsiConsole.MarkupLineInterpolated($"Scoring [bold]{request.Input.FullName}[/] in chunks of {request.ChunkSize:N0} posts, {executor.ItemsAtOnce} at a time{where} …");
        foreach (var chunk in predictor.LoadInputInChunks(request.Input.FullName, request.ChunkSize, new PostLoadOptions { StrictImages = request.StrictImages }, keepLabel: true))
        {
            cancellationToken.ThrowIfCancellationRequested();
            wave.Add(chunk);
            if (wave.Count >= executor.ItemsAtOnce)
            {
                ScoreWave();
            }
        }

        if (wave.Count > 0)
        {
            ScoreWave();
        }

        writer.Commit();
        tally.PrintSummary(request.Output);
        WarningLines.Print(SeenDataWarnings(predictor, request, tally));
    }

    /// <summary>The warning that the accuracy was measured on the model's own training rows. Only a file with as many
    /// labelled posts as the model trained on can be them, so only such a file is read whole to compare fingerprints.</summary>
    private static IReadOnlyList<string> SeenDataWarnings(CrossModalPredictor predictor, PredictRequest request, ScoringTally tally)
    {
        var manifest = predictor.Manifest;
        if (tally.LabelledRows == 0 || tally.LabelledRows != manifest.Data.RowsUsed)
        {
            return [];
        }

        var labelled = predictor.LoadInput(request.Input.FullName, requireLabel: true, new PostLoadOptions { StrictImages = request.StrictImages });
        return SeenDataCheck.Warnings(manifest, labelled, manifest.Task == TaskKind.Regression ? "this RMSE" : "this accuracy");
    }

    /// <summary>The library call: the model's thread-safe predictor, through the front door.</summary>
    private static CrossModalPredictor LoadPredictor(PredictRequest request) =>
        new MLContext().CrossModal().LoadPredictor(request.Model.FullName, request.Predictor);
}
