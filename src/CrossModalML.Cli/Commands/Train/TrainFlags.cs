using System.CommandLine;
using CrossModalML.AutoML;
using CrossModalML.Data;
using CrossModalML.Evaluation;
using CrossModalML.Featurization;
using CrossModalML.Packaging;

namespace CrossModalML.Cli.Commands.Train;

/// <summary>The flags of <c>crossmodal train</c>: names, descriptions and defaults, declared once for the command and its binder.</summary>
/// <remarks>Each property is the flag of the same name; its <c>Description</c> is what <c>--help</c> shows.</remarks>
internal sealed class TrainFlags
{
    public Option<FileInfo> Dataset { get; } = CommonOptions.Dataset("Training posts: .tsv, .csv or .jsonl with a header.");

    public Option<string> Label { get; } = new("--label", "-l")
    {
        Description = "The column to predict, or several comma-separated columns for one multi-task model (the first is the main task).",
        Required = true,
    };

    public Option<string?> MainTask { get; } = new("--main-task") { Description = "Multi-task: the main task (default: the first --label)." };

    public Option<StackingMode> Stacking { get; } = new("--stacking")
    {
        Description = "Multi-task: let the main head read the other tasks' out-of-fold predictions: auto (when it helps on validation rows), on, off.",
        DefaultValueFactory = _ => StackingMode.Auto,
    };

    public Option<string?> HeadModalities { get; } = new("--head-modalities")
    {
        Description = "Multi-task: the modalities each task's head reads, e.g. text_label=text,image_label=image,label=text+image " +
            "(text, image, metadata joined with +); a task not named reads every modality. Separate comparison models read every modality.",
    };

    public Option<TaskKind> Task { get; } = new("--task") { Description = "auto, binary, multiclass or regression.", DefaultValueFactory = _ => TaskKind.Auto };

    public Option<string[]> Text { get; } = new("--text") { Description = "Columns to treat as text (comma-separated).", AllowMultipleArgumentsPerToken = true };

    public Option<string[]> Image { get; } = new("--image") { Description = "Columns holding image paths.", AllowMultipleArgumentsPerToken = true };

    public Option<string[]> Numeric { get; } = new("--numeric") { Description = "Columns to treat as numbers.", AllowMultipleArgumentsPerToken = true };

    public Option<string[]> Categorical { get; } = new("--categorical") { Description = "Columns to treat as categories.", AllowMultipleArgumentsPerToken = true };

    public Option<string[]> Ignore { get; } = new("--ignore") { Description = "Columns to leave out of the model.", AllowMultipleArgumentsPerToken = true };

    public Option<FileInfo?> ImageModel { get; } = new("--image-model")
    {
        Description = "ONNX image encoder for pretrained image features (default: built-in colour/texture features). " +
            "Defaults fit MobileNetV2 '-embed-rgb255': input 'image', output 'embedding', 224x224 RGB.",
    };

    public Option<string> ImageInput { get; } = new("--image-model-input") { Description = "ONNX input tensor name.", DefaultValueFactory = _ => "image" };

    public Option<string> ImageOutput { get; } = new("--image-model-output") { Description = "ONNX output tensor name.", DefaultValueFactory = _ => "embedding" };

    public Option<int> ImageSize { get; } = new("--image-size") { Description = "ONNX input width and height in pixels.", DefaultValueFactory = _ => 224 };

    public Option<string?> ImageEncoder { get; } = CommonOptions.ImageEncoder();

    public Option<string?> TextEncoder { get; } = CommonOptions.TextEncoder();

    public Option<bool> NoCache { get; } = CommonOptions.NoCache();

    public Option<ImageChannelOrder> ChannelOrder { get; } = new("--channel-order") { Description = "ONNX input channel order: Rgb or Bgr.", DefaultValueFactory = _ => ImageChannelOrder.Rgb };

    public Option<FileInfo?> WordVectors { get; } = new("--word-vectors")
    {
        Description = "ONNX word-vector model (word ids in, mean vector out) whose vector of the post's words joins the text features, e.g. " +
            "glove6b-100d-mean-int8.onnx. A search (--time/--max-trials) tries with and without it.",
    };

    public Option<FileInfo?> WordVectorsVocab { get; } = new("--word-vectors-vocab") { Description = "The word-vector model's vocabulary, one word per line (default: vocab.txt beside the model)." };

    public Option<string> WordVectorsInput { get; } = new("--word-vectors-input") { Description = "Word-vector model input tensor (int64 word ids).", DefaultValueFactory = _ => "token_ids" };

    public Option<string> WordVectorsOutput { get; } = new("--word-vectors-output") { Description = "Word-vector model output tensor.", DefaultValueFactory = _ => "embedding" };

    public Option<string[]> Modalities { get; } = new("--modalities")
    {
        Description = "Modalities to learn from: text, image, metadata, or all (comma-separated).",
        AllowMultipleArgumentsPerToken = true,
    };

    public Option<string?> Trainer { get; } = new("--trainer") { Description = "Trainer name (default: L-BFGS for classification, LightGBM for regression)." };

    public Option<bool> ClassWeighting { get; } = new("--class-weighting")
    {
        Description = "Weigh classes equally (balanced weights) so rare classes are not ignored. A search (--time/--max-trials) tries both settings itself.",
    };

    public Option<FileInfo?> TestDataset { get; } = new("--test-dataset") { Description = "Evaluate on this file instead of a hold-out or cross-validation." };

    public Option<EvaluationStrategy> Evaluation { get; } = new("--evaluation") { Description = "Auto, HoldOut, CrossValidation or None.", DefaultValueFactory = _ => EvaluationStrategy.Auto };

    public Option<int> Folds { get; } = new("--folds") { Description = "Folds for cross-validation.", DefaultValueFactory = _ => 5 };

    public Option<string?> GroupBy { get; } = new("--group-by")
    {
        Description = "Keep each value of this column (user, image, event) on one side of every split, so metrics describe unseen groups. " +
            "Default: the image column when posts share images; 'none' for random splits.",
    };

    public Option<QualityPreset> Preset { get; } = new("--preset") { Description = PresetBinding.PresetDescription, DefaultValueFactory = _ => QualityPreset.Balanced };

    public Option<bool> Ensemble { get; } = new("--ensemble") { Description = "End the search with a weighted ensemble of its best trials, saved as one model (on with --preset best)." };

    public Option<double?> MinLeadSe { get; } = new("--min-lead-se")
    {
        Description = "Standard errors a lead must clear before a search trusts it: a tuned trial's over the search's start (the fast preset's model), " +
            "and an ensemble's over the best trial. Default 2; 0 trusts any lead.",
    };

    public Option<string?> TimeSplit { get; } = new("--time-split")
    {
        Description = "Split by this timestamp column: hold-out tests on the latest posts, cross-validation trains each fold on earlier posts only (forward chaining).",
    };

    public Option<double> TestFraction { get; } = new("--test-fraction") { Description = "Hold-out share.", DefaultValueFactory = _ => 0.2 };

    public Option<int> Seed { get; } = new("--seed") { Description = "Seed for splits and trainers.", DefaultValueFactory = _ => 1 };

    public Option<bool> StrictImages { get; } = new("--strict-images") { Description = "Fail on a missing or unreadable image instead of warning." };

    public Option<double?> Time { get; } = new("--time") { Description = "Run an AutoML search for this many seconds (trainers, hyperparameters, n-gram and image featurizer settings)." };

    public Option<int?> MaxTrials { get; } = new("--max-trials") { Description = "Run an AutoML search of at most this many trials (reproducible with --seed)." };

    public Option<string?> Metric { get; } = new("--metric")
    {
        Description = "Search metric: macro-f1 (classification default), weighted-f1 (per-class F1 weighted by support), acc-f1 (mean of accuracy and macro-F1), accuracy, auc, log-loss, rmse (regression default), r2, mae.",
    };

    public Option<TunerKind> Tuner { get; } = new("--tuner") { Description = "Search tuner: cfo (cost-frugal, default) or random.", DefaultValueFactory = _ => TunerKind.Cfo };

    public Option<int?> MemoryLimit { get; } = new("--memory-limit") { Description = "Search memory cap in MB: no new trial starts once the managed heap is above it; the best so far is kept." };

    public Option<int?> TrialMemory { get; } = new("--trial-memory")
    {
        Description = "Search: the most one trial may add to the process's memory in MB (managed and native); a trial over it is stopped and recorded as failed.",
    };

    public Option<double> TrialTime { get; } = new("--trial-time") { Description = "Time limit of one search trial in seconds; an overrunning trial is recorded as timed out.", DefaultValueFactory = _ => 120 };

    public Option<FusionKind> Fusion { get; } = new("--fusion")
    {
        Description = "early (one model on all features, default), late (one model per modality + a stacker that learns how much to trust each), " +
            "or auto (fit both, keep the better on out-of-fold validation of the training rows).",
        DefaultValueFactory = _ => FusionKind.Early,
    };

    public Option<int> StackingFolds { get; } = new("--stacking-folds")
    {
        Description = "Folds of the out-of-fold predictions behind late fusion, auto, --tune-threshold and a stacked multi-task main head.",
        DefaultValueFactory = _ => 5,
    };

    public Option<bool> TuneThreshold { get; } = new("--tune-threshold")
    {
        Description = "Binary tasks: choose the decision threshold maximising macro-F1 (or --metric accuracy) on out-of-fold predictions; saved in the manifest and applied when predicting.",
    };

    public Option<bool> OverSample { get; } = new("--over-sample") { Description = "Repeat random minority-class rows in every fit's training rows (never in evaluation rows) until classes are balanced." };

    public Option<FileInfo> Output { get; } = new("--output", "-o") { Description = "The model zip to write.", Required = true };

    public Option<FileInfo?> Report { get; } = CommonOptions.Report();

    public Option<bool> Verbose { get; } = CommonOptions.Verbose();

    /// <summary><c>--cluster</c> and the flags that say how to reach the cluster.</summary>
    public ClusterFlags Cluster { get; } = new();

    /// <summary>Every flag, in the order <c>--help</c> lists them.</summary>
    public IEnumerable<Option> All =>
    [
        Dataset, Label, Task, Text, Image, Numeric, Categorical, Ignore, ImageModel, ImageInput, ImageOutput, ImageSize,
        ChannelOrder, ImageEncoder, TextEncoder, NoCache, WordVectors, WordVectorsVocab, WordVectorsInput, WordVectorsOutput, Modalities, Trainer, ClassWeighting,
        TestDataset, Evaluation, Folds, GroupBy, TimeSplit, TestFraction, Seed, StrictImages,
        Preset, Ensemble, MinLeadSe, Time, MaxTrials, Metric, Tuner, TrialTime, TrialMemory, MemoryLimit, Fusion, StackingFolds, TuneThreshold, OverSample, MainTask, Stacking,
        HeadModalities, Output, Report, .. Cluster.All, Verbose,
    ];
}
