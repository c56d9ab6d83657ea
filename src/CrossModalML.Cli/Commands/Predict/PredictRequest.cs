using CrossModalML.Cluster;
using CrossModalML.Prediction;

namespace CrossModalML.Cli.Commands.Predict;

/// <summary>What <c>crossmodal predict</c> was asked to do, with every flag parsed and checked; no file has been read yet.</summary>
/// <param name="Model">The model zip (<c>--model</c>).</param>
/// <param name="Input">The posts to score (<c>--input</c>).</param>
/// <param name="Output">The predictions to write (<c>--output</c>).</param>
/// <param name="ChunkSize">Posts read and scored at a time (<c>--chunk-size</c>).</param>
/// <param name="Parallel">Chunks scored at once (<c>--parallel</c>).</param>
/// <param name="Predictor">The image root and the largest image decoded.</param>
/// <param name="StrictImages">Whether a missing or unreadable image fails the run (<c>--strict-images</c>).</param>
/// <param name="Cluster">The cluster that scores the chunks (<c>--cluster</c>), or <c>null</c> to score here.</param>
internal sealed record PredictRequest(
    FileInfo Model, FileInfo Input, FileInfo Output, int ChunkSize, int Parallel, PredictorOptions Predictor, bool StrictImages, ClusterConnectionOptions? Cluster = null);
