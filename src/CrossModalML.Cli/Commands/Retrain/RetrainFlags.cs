using System.CommandLine;
using CrossModalML.Packaging;

namespace CrossModalML.Cli.Commands.Retrain;

/// <summary>The flags of <c>crossmodal retrain</c>: names, descriptions and defaults, declared once for the command and its binder.</summary>
/// <remarks>Each property is the flag of the same name; its <c>Description</c> is what <c>--help</c> shows.</remarks>
internal sealed class RetrainFlags
{
    public Option<FileInfo> Model { get; } = CommonOptions.Model("The model zip to retrain; it is only read.");

    public Option<FileInfo> Dataset { get; } = CommonOptions.Dataset("New labelled posts with the model's columns.");

    public Option<FileInfo> Output { get; } = new("--output", "-o") { Description = "The new model zip to write (not the old model's path).", Required = true };

    public Option<FileInfo?> ImageModel { get; } = new("--image-model")
    {
        Description = "The ONNX image encoder the model was trained with (required if it used one; its SHA-256 is checked).",
    };

    public Option<FileInfo?> WordVectors { get; } = new("--word-vectors")
    {
        Description = "The word-vector model the model was trained with (required if it used one; its SHA-256 and its vocabulary's are checked).",
    };

    public Option<FileInfo?> WordVectorsVocab { get; } = new("--word-vectors-vocab")
    {
        Description = "The word-vector vocabulary the model was trained with (default: its recorded file name, then vocab.txt, beside --word-vectors).",
    };

    public Option<double> TestFraction { get; } = new("--test-fraction") { Description = "Share of the new rows held out to compare the models.", DefaultValueFactory = _ => 0.2 };

    public Option<int?> Seed { get; } = new("--seed") { Description = "Seed for the split and the fit (default: the model's seed)." };

    public Option<bool> Search { get; } = new("--search")
    {
        Description = "Re-run the AutoML search (trainers, hyperparameters, n-gram settings) on the new data instead of reusing the model's; needs --time and/or --max-trials.",
    };

    public Option<double?> Time { get; } = new("--time") { Description = "With --search: search for this many seconds." };

    public Option<int?> MaxTrials { get; } = new("--max-trials") { Description = "With --search: at most this many trials (reproducible with --seed)." };

    public Option<string?> Metric { get; } = new("--metric") { Description = "With --search: macro-f1 (classification default), accuracy, auc, log-loss, rmse (regression default), r2, mae." };

    public Option<TunerKind> Tuner { get; } = new("--tuner") { Description = "With --search: cfo (cost-frugal, default) or random.", DefaultValueFactory = _ => TunerKind.Cfo };

    public Option<double> TrialTime { get; } = new("--trial-time") { Description = "With --search: time limit of one trial in seconds.", DefaultValueFactory = _ => 120 };

    public Option<FileInfo?> AppendOld { get; } = new("--append-old")
    {
        Description = "Older labelled posts (e.g. the old model's training file) to train on together with the new ones; the comparison hold-out still comes from the new posts only.",
    };

    public Option<bool> KeepBetter { get; } = new("--keep-better")
    {
        Description = "When the new model is worse than the old one on the hold-out, write a copy of the old model to --output instead.",
    };

    public Option<bool> NoCache { get; } = CommonOptions.NoCache();

    public Option<FileInfo?> Report { get; } = CommonOptions.Report();

    public Option<bool> Verbose { get; } = CommonOptions.Verbose();

    /// <summary>Every flag, in the order <c>--help</c> lists them.</summary>
    public IEnumerable<Option> All =>
        [Model, Dataset, Output, ImageModel, WordVectors, WordVectorsVocab, TestFraction, Seed, Search, Time, MaxTrials, Metric, Tuner, TrialTime, AppendOld, KeepBetter, NoCache, Report, Verbose];
}
