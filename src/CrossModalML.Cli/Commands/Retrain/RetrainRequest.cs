using CrossModalML.Retraining;

namespace CrossModalML.Cli.Commands.Retrain;

/// <summary>What <c>crossmodal retrain</c> was asked to do, with every flag parsed and checked; no file has been read yet.</summary>
/// <param name="Model">The model zip to retrain; it is only read (<c>--model</c>).</param>
/// <param name="Dataset">The new labelled posts (<c>--dataset</c>).</param>
/// <param name="Output">The new model zip to write (<c>--output</c>).</param>
/// <param name="Options">Encoders, hold-out share, seed, old data, keep-better and the search, if any.</param>
/// <param name="Report">The JSON report to write, if any (<c>--report</c>).</param>
internal sealed record RetrainRequest(FileInfo Model, FileInfo Dataset, FileInfo Output, RetrainingOptions Options, FileInfo? Report);
