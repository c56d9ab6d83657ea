using CrossModalML.AutoML;
using CrossModalML.Cli.Rendering;
using System.CommandLine;
using CrossModalML.Data;
using CrossModalML.Evaluation;
using CrossModalML.Featurization;
using CrossModalML.Packaging;
using CrossModalML.Training;

namespace CrossModalML.Cli.Commands.Train;

/// <summary>Turns the parsed flags of <c>crossmodal train</c> into a <see cref="TrainRequest"/>, checking every value and
/// every combination before any data is read, so a typo costs no loading time.</summary>
/// <remarks>Checks run in a fixed order and the first failure throws an <see cref="ArgumentException"/> (or a
/// <see cref="FileNotFoundException"/> for a missing image model) whose message names the flag.</remarks>
internal sealed class TrainRequestBinder(TrainFlags flags)
{
    /// <summary>The request the flags in <paramref name="parsed"/> describe.</summary>
    public TrainRequest Bind(ParseResult parsed)
    {
        var labels = CommonOptions.SplitList([parsed.GetValue(flags.Label)!]);
        var main = parsed.GetValue(flags.MainTask) ?? labels.FirstOrDefault();
        var roles = Roles(parsed, labels, main);
        var load = new PostLoadOptions
        {
            LabelColumn = main,
            Task = parsed.GetValue(flags.Task),
            RoleOverrides = roles,
            StrictImages = parsed.GetValue(flags.StrictImages),
        };

        var featurizer = Featurizer(parsed);
        var metric = parsed.GetValue(flags.Metric) is { } metricName ? AutoMLMetrics.Parse(metricName) : (AutoMLMetric?)null;
        var trainerName = parsed.GetValue(flags.Trainer);
        var training = new TrainingOptions
        {
            Featurizer = featurizer,
            Trainer = trainerName is { } name ? new TrainerSpec(name) : null,
            Seed = parsed.GetValue(flags.Seed),
            Evaluation = new EvaluationOptions
            {
                Strategy = parsed.GetValue(flags.Evaluation),
                Folds = parsed.GetValue(flags.Folds),
                TestFraction = parsed.GetValue(flags.TestFraction),
                GroupColumn = PresetBinding.GroupColumn(parsed.GetValue(flags.GroupBy)),
                TimeColumn = parsed.GetValue(flags.TimeSplit),
            },
            Fusion = parsed.GetValue(flags.Fusion),
            StackingFolds = parsed.GetValue(flags.StackingFolds),
            TuneDecisionThreshold = parsed.GetValue(flags.TuneThreshold),
            OverSampling = parsed.GetValue(flags.OverSample),
            Objective = metric == AutoMLMetric.Accuracy ? ClassificationObjective.Accuracy : ClassificationObjective.MacroF1,
        };

        CheckRanges(parsed);
        training.Validate();
        var search = Search(parsed, metric);
        CheckCombinations(parsed, labels, training, search);
        var headModalities = ParseHeadModalities(parsed.GetValue(flags.HeadModalities), labels, featurizer.Modalities);
        return new TrainRequest(
            Dataset: parsed.GetValue(flags.Dataset)!,
            Labels: labels,
            MainTask: main,
            Load: load,
            Training: training,
            TrainerName: trainerName,
            ClassWeighting: parsed.GetValue(flags.ClassWeighting),
            TestDataset: parsed.GetValue(flags.TestDataset),
            Preset: parsed.GetValue(flags.Preset),
            EncodersChosen: parsed.GetValue(flags.ImageEncoder) is not null || parsed.GetValue(flags.TextEncoder) is not null ||
                parsed.GetValue(flags.ImageModel) is not null || parsed.GetValue(flags.WordVectors) is not null,
            NoGrouping: PresetBinding.IsNone(parsed.GetValue(flags.GroupBy)),
            Search: search,
            Stacking: parsed.GetValue(flags.Stacking),
            HeadModalities: headModalities,
            Output: parsed.GetValue(flags.Output)!,
            Report: parsed.GetValue(flags.Report),
            Cluster: flags.Cluster.ClientOptions(parsed));
    }

    /// <summary>The roles the role flags give, and, with several labels, the other labels left out of the features.</summary>
    private Dictionary<string, ColumnRole> Roles(ParseResult parsed, List<string> labels, string? main)
    {
        var roles = new Dictionary<string, ColumnRole>(StringComparer.Ordinal);
        foreach (var (option, role) in new[]
        {
            (flags.Text, ColumnRole.Text),
            (flags.Image, ColumnRole.Image),
            (flags.Numeric, ColumnRole.Numeric),
            (flags.Categorical, ColumnRole.Categorical),
            (flags.Ignore, ColumnRole.Ignore),
        })
        {
            foreach (var column in CommonOptions.SplitList(parsed.GetValue(option)))
            {
                roles[column] = role;
            }
        }

        if (labels.Count > 1)
        {
            if (main is not null && !labels.Contains(main))
            {
                throw new ArgumentException($"--main-task '{main}' is not one of --label {string.Join(",", labels)}.");
            }

            // The other labels are tasks, never features; the trainer guards this too, the override keeps the load report honest.
            foreach (var other in labels.Where(l => l != main))
            {
                roles[other] = ColumnRole.Ignore;
            }
        }

        return roles;
    }

    /// <summary>The featurizer the modality, encoder and pretrained-model flags describe.</summary>
    private FeaturizerOptions Featurizer(ParseResult parsed)
    {
        var featurizer = new FeaturizerOptions { Modalities = ParseModalities(CommonOptions.SplitList(parsed.GetValue(flags.Modalities))) };
        if (parsed.GetValue(flags.ImageModel) is { } onnx)
        {
            if (!onnx.Exists)
            {
                throw new FileNotFoundException($"Image model '{onnx.FullName}' does not exist.", onnx.FullName);
            }

            int size = parsed.GetValue(flags.ImageSize);
            featurizer.Image = new ImageFeaturizerOptions
            {
                Kind = ImageFeaturizerKind.Onnx,
                Onnx = new OnnxImageModelOptions
                {
                    ModelPath = onnx.FullName,
                    InputColumnName = parsed.GetValue(flags.ImageInput)!,
                    OutputColumnName = parsed.GetValue(flags.ImageOutput)!,
                    Width = size,
                    Height = size,
                    ChannelOrder = parsed.GetValue(flags.ChannelOrder),
                },
            };
        }

        CommonOptions.ApplyEncoders(featurizer, parsed.GetValue(flags.ImageEncoder), parsed.GetValue(flags.TextEncoder));
        featurizer.EncoderCache = CommonOptions.Cache(parsed.GetValue(flags.NoCache));
        if (parsed.GetValue(flags.WordVectors) is { } vectors)
        {
            featurizer.Text.WordVectors = new WordVectorModelOptions
            {
                ModelPath = vectors.FullName,
                VocabularyPath = parsed.GetValue(flags.WordVectorsVocab)?.FullName,
                InputColumnName = parsed.GetValue(flags.WordVectorsInput)!,
                OutputColumnName = parsed.GetValue(flags.WordVectorsOutput)!,
            };
        }
        else if (parsed.GetValue(flags.WordVectorsVocab) is not null)
        {
            throw new ArgumentException("--word-vectors-vocab names the vocabulary of a word-vector model; give the model too (--word-vectors).");
        }

        return featurizer;
    }

    private SearchFlags Search(ParseResult parsed, AutoMLMetric? metric) => new(
        new SearchBudget
        {
            Time = parsed.GetValue(flags.Time) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            MaxTrials = parsed.GetValue(flags.MaxTrials),
            TrialTimeLimit = TimeSpan.FromSeconds(parsed.GetValue(flags.TrialTime)),
            MemoryLimitBytes = parsed.GetValue(flags.MemoryLimit) is { } megabytes ? megabytes * 1024L * 1024L : null,
            TrialMemoryLimitBytes = parsed.GetValue(flags.TrialMemory) is { } trialMegabytes ? trialMegabytes * 1024L * 1024L : null,
            Metric = metric,
            Tuner = parsed.GetValue(flags.Tuner),
        },
        Ensemble: parsed.GetValue(flags.Ensemble),
        MinimumLeadStandardErrors: parsed.GetValue(flags.MinLeadSe));

    private void CheckRanges(ParseResult parsed)
    {
        OptionChecks.Positive(parsed.GetValue(flags.Time), "--time");
        OptionChecks.Positive(parsed.GetValue(flags.TrialTime), "--trial-time");
        OptionChecks.AtLeast(parsed.GetValue(flags.MaxTrials), 1, "--max-trials");
        OptionChecks.AtLeast(parsed.GetValue(flags.MemoryLimit), 1, "--memory-limit");
        OptionChecks.AtLeast(parsed.GetValue(flags.TrialMemory), 1, "--trial-memory");
        OptionChecks.AtLeast(parsed.GetValue(flags.ImageSize), 1, "--image-size");
        OptionChecks.AtLeast(parsed.GetValue(flags.Folds), 2, "--folds");
        OptionChecks.Fraction(parsed.GetValue(flags.TestFraction), "--test-fraction");
    }

    private void CheckCombinations(ParseResult parsed, List<string> labels, TrainingOptions training, SearchFlags search)
    {
        if (search.Explicit && training.Trainer is not null)
        {
            throw new ArgumentException("--trainer fixes the trainer, but --time/--max-trials search for one; give one or the other.");
        }

        if (search.Explicit && training.OverSampling)
        {
            throw new ArgumentException("--over-sample applies to single fits; a search (--time/--max-trials) balances classes through the ClassWeighting hyperparameter instead.");
        }

        if (labels.Count > 1 && parsed.GetValue(flags.TestDataset) is not null)
        {
            throw new ArgumentException("--test-dataset is not supported with several labels yet; the multi-task run evaluates on a hold-out or cross-validation of --dataset.");
        }

        if (labels.Count > 1 && (training.Fusion != FusionKind.Early || training.TuneDecisionThreshold || training.OverSampling))
        {
            throw new ArgumentException("--fusion late/auto, --tune-threshold and --over-sample apply to single-label models; with several labels every head is an early-fusion head.");
        }
    }

    /// <summary>The modalities <c>--head-modalities</c> gives each task's head (<c>task=text+image,...</c>); empty when the flag is absent.</summary>
    /// <param name="value">The flag's value, or <c>null</c>.</param>
    /// <param name="labels">The <c>--label</c> columns.</param>
    /// <param name="featurized">The modalities <c>--modalities</c> keeps.</param>
    internal static Dictionary<string, Modality> ParseHeadModalities(string? value, IReadOnlyList<string> labels, Modality featurized)
    {
        var heads = new Dictionary<string, Modality>(StringComparer.Ordinal);
        if (value is null)
        {
            return heads;
        }

        if (labels.Count < 2)
        {
            throw new ArgumentException("--head-modalities sets the modalities of a multi-task model's heads; give several --label columns.");
        }

        foreach (var entry in CommonOptions.SplitList([value]))
        {
            var parts = entry.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                throw new ArgumentException($"--head-modalities takes TASK=MODALITY entries separated by commas, several modalities joined with + (e.g. text_label=text,label=text+image); got '{entry}'.");
            }

            var task = parts[0];
            if (!labels.Contains(task, StringComparer.Ordinal))
            {
                throw new ArgumentException($"--head-modalities names the task '{task}', which is not one of --label {string.Join(",", labels)}.");
            }

            if (heads.ContainsKey(task))
            {
                throw new ArgumentException($"--head-modalities names the task '{task}' twice; give each task once, modalities joined with + (e.g. {task}=text+image).");
            }

            var modalities = ParseModalities(parts[1].Split('+', StringSplitOptions.TrimEntries));
            if ((modalities & ~featurized) is var missing and not Modality.None)
            {
                throw new ArgumentException($"--head-modalities gives the task '{task}' {ModalityNames.Of(missing)}, which --modalities leaves out ({ModalityNames.Of(featurized)}).");
            }

            heads[task] = modalities;
        }

        return heads;
    }

    /// <summary>The modalities <c>--modalities</c> names; none named means all.</summary>
    internal static Modality ParseModalities(IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            return Modality.All;
        }

        var result = Modality.None;
        foreach (var name in names)
        {
            result |= name.ToLowerInvariant() switch
            {
                "text" => Modality.Text,
                "image" or "images" => Modality.Image,
                "metadata" or "meta" => Modality.Metadata,
                "all" => Modality.All,
                _ => throw new ArgumentException($"Unknown modality '{name}'. Valid: text, image, metadata, all."),
            };
        }

        return result;
    }
}
