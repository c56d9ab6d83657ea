using System.CommandLine;
using CrossModalML.Prediction;

namespace CrossModalML.Cli.Commands.Predict;

/// <summary>The flags of <c>crossmodal predict</c>: names, descriptions and defaults, declared once for the command and its binder.</summary>
/// <remarks>Each property is the flag of the same name; its <c>Description</c> is what <c>--help</c> shows.</remarks>
internal sealed class PredictFlags
{
    public Option<FileInfo> Model { get; } = CommonOptions.Model("The model zip.");

    public Option<FileInfo> Input { get; } = new("--input", "-i") { Description = "Posts to score (.tsv, .csv or .jsonl) with the model's columns.", Required = true };

    public Option<FileInfo> Output { get; } = new("--output", "-o") { Description = "Predictions to write; format by extension (.tsv, .csv, .jsonl).", Required = true };

    public Option<int> ChunkSize { get; } = new("--chunk-size") { Description = "Posts read and scored at a time; bounds memory use.", DefaultValueFactory = _ => 10_000 };

    public Option<int> Parallel { get; } = new("--parallel")
    {
        Description = "Chunks scored at once (output order is kept); with --cluster, chunks in flight on the cluster (default 8 there).",
        DefaultValueFactory = _ => 1,
    };

    public Option<DirectoryInfo?> ImageRoot { get; } = new("--image-root")
    {
        Description = "Reject image paths that resolve outside this directory (every symbolic link on the path is followed); nothing outside it is opened.",
    };

    public Option<long> MaxImagePixels { get; } = new("--max-image-pixels")
    {
        Description = "Largest image (width x height, read from its header) that is decoded; a larger one is scored as missing with a warning.",
        DefaultValueFactory = _ => new PredictorOptions().MaxImagePixels,
    };

    public Option<bool> StrictImages { get; } = new("--strict-images") { Description = "Fail on a missing or unreadable image instead of scoring the post without it." };

    public Option<bool> Verbose { get; } = CommonOptions.Verbose();

    /// <summary><c>--cluster</c> and the flags that say how to reach the cluster.</summary>
    public ClusterFlags Cluster { get; } = new();

    /// <summary>Every flag, in the order <c>--help</c> lists them.</summary>
    public IEnumerable<Option> All => [Model, Input, Output, ChunkSize, Parallel, ImageRoot, MaxImagePixels, StrictImages, .. Cluster.All, Verbose];
}
