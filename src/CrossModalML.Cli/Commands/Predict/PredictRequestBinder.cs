using System.CommandLine;
using CrossModalML.Prediction;

namespace CrossModalML.Cli.Commands.Predict;

/// <summary>Turns the parsed flags of <c>crossmodal predict</c> into a <see cref="PredictRequest"/>, checking every value
/// before any file is read; the first failure throws an <see cref="ArgumentException"/> whose message names the flag.</summary>
internal sealed class PredictRequestBinder(PredictFlags flags)
{
    /// <summary>The request the flags in <paramref name="parsed"/> describe.</summary>
    public PredictRequest Bind(ParseResult parsed)
    {
        int rowsPerChunk = parsed.GetValue(flags.ChunkSize);
        var cluster = flags.Cluster.ClientOptions(parsed);
        int degree = cluster is not null && parsed.GetResult(flags.Parallel) is null or { Implicit: true } ? 8 : parsed.GetValue(flags.Parallel);
        if (rowsPerChunk < 1)
        {
            throw new ArgumentException($"--chunk-size must be at least 1, got {rowsPerChunk}.");
        }

        if (degree < 1)
        {
            throw new ArgumentException($"--parallel must be at least 1, got {degree}.");
        }

        long pixelLimit = parsed.GetValue(flags.MaxImagePixels);
        if (pixelLimit < 1)
        {
            throw new ArgumentException($"--max-image-pixels must be at least 1, got {pixelLimit}.");
        }

        return new PredictRequest(
            Model: parsed.GetValue(flags.Model)!,
            Input: parsed.GetValue(flags.Input)!,
            Output: parsed.GetValue(flags.Output)!,
            ChunkSize: rowsPerChunk,
            Parallel: degree,
            Predictor: new PredictorOptions { AllowedImageRoot = parsed.GetValue(flags.ImageRoot)?.FullName, MaxImagePixels = pixelLimit },
            StrictImages: parsed.GetValue(flags.StrictImages),
            Cluster: cluster);
    }
}
