using System.CommandLine;
using CrossModalML.AutoML;
using CrossModalML.Cli.Rendering;
using CrossModalML.Data;
using CrossModalML.Featurization;
using CrossModalML.Packaging;
using CrossModalML.Training;
using CrossModalML.Training.Fusion;
using Microsoft.ML;
using Spectre.Console;
using CrossModalML.MultiTask;
using CrossModalML.Evaluation;

namespace CrossModalML.Cli.Commands;

/// <summary><c>crossmodal train</c>: load posts, fit and evaluate a fused model, save it as a model zip.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var dataset = CommonOptions.Dataset("Training posts: .tsv, .csv or .jsonl with a header.");
        var label = new Option<string>("--label", "-l")
        {
            Description = "The column to predict, or several comma-separated columns for one multi-task model (the first is the main task).",
            Required = true,
        };
        var mainTask = new Option<string?>("--main-task") { Description = "Multi-task: the main task (default: the first --label)." };
        var stacking = new Option<StackingMode>("--stacking")
        {
            Description = "Multi-task: let the main head read the other tasks' out-of-fold predictions: auto (when it helps on validation rows), on, off.",
            DefaultValueFactory = _ => StackingMode.Auto,
        };
        var task = new Option<TaskKind>("--task") { Description = "auto, binary, multiclass or regression.", DefaultValueFactory = _ => TaskKind.Auto };
        var text = new Option<string[]>("--text") { Description = "Columns to treat as text (comma-separated).", AllowMultipleArgumentsPerToken = true };
        var image = new Option<string[]>("--image") { Description = "Columns holding image paths.", AllowMultipleArgumentsPerToken = true };
        var numeric = new Option<string[]>("--numeric") { Description = "Columns to treat as numbers.", AllowMultipleArgumentsPerToken = true };
        var categorical = new Option<string[]>("--categorical") { Description = "Columns to treat as categories.", AllowMultipleArgumentsPerToken = true };
        var ignore = new Option<string[]>("--ignore") { Description = "Columns to leave out of the model.", AllowMultipleArgumentsPerToken = true };
        var imageModel = new Option<FileInfo?>("--image-model")
        {
            Description = "ONNX image encoder for pretrained image features (default: built-in colour/texture features). " +
                "Defaults fit MobileNetV2 '-embed-rgb255': input 'image', output 'embedding', 224x224 RGB.",
        };
        var imageInput = new Option<string>("--image-model-input") { Description = "ONNX input tensor name.", DefaultValueFactory = _ => "image" };
        var imageOutput = new Option<string>("--image-model-output") { Description = "ONNX output tensor name.", DefaultValueFactory = _ => "embedding" };
        var imageSize = new Option<int>("--image-size") { Description = "ONNX input width and height in pixels.", DefaultValueFactory = _ => 224 };
        var imageEncoder = CommonOptions.ImageEncoder();
        var textEncoder = CommonOptions.TextEncoder();
        var noCache = CommonOptions.NoCache();
        var channelOrder = new Option<ImageChannelOrder>("--channel-order") { Description = "ONNX input channel order: Rgb or Bgr.", DefaultValueFactory = _ => ImageChannelOrder.Rgb };
        var wordVectors = new Option<FileInfo?>("--word-vectors")
        {
            Description = "ONNX word-vector model (word ids in, mean vector out) whose vector of the post's words joins the text features, e.g. " +
                "glove6b-100d-mean-int8.onnx. A search (--time/--max-trials) tries with and without it.",
        };
        var wordVectorsVocab = new Option<FileInfo?>("--word-vectors-vocab") { Description = "The word-vector model's vocabulary, one word per line (default: vocab.txt beside the model)." };
        var wordVectorsInput = new Option<string>("--word-vectors-input") { Description = "Word-vector model input tensor (int64 word ids).", DefaultValueFactory = _ => "token_ids" };
        var wordVectorsOutput = new Option<string>("--word-vectors-output") { Description = "Word-vector model output tensor.", DefaultValueFactory = _ => "embedding" };
        var modalities = new Option<string[]>("--modalities")
        {
            Description = "Modalities to learn from: text, image, metadata, or all (comma-separated).",
            AllowMultipleArgumentsPerToken = true,
        };
        var trainer = new Option<string?>("--trainer") { Description = "Trainer name (default: L-BFGS for classification, LightGBM for regression)." };
        var classWeighting = new Option<bool>("--class-weighting")
        {
            Description = "Weigh classes equally (balanced weights) so rare classes are not ignored. A search (--time/--max-trials) tries both settings itself.",
        };
        var testDataset = new Option<FileInfo?>("--test-dataset") { Description = "Evaluate on this file instead of a hold-out or cross-validation." };
        var evaluation = new Option<EvaluationStrategy>("--evaluation") { Description = "Auto, HoldOut, CrossValidation or None.", DefaultValueFactory = _ => EvaluationStrategy.Auto };
        var folds = new Option<int>("--folds") { Description = "Folds for cross-validation.", DefaultValueFactory = _ => 5 };
        var groupBy = new Option<string?>("--group-by")
        {
            Description = "Keep each value of this column (user, image, event) on one side of every split, so metrics describe unseen groups. " +
                "Default: the image column when posts share images; 'none' for random splits.",
        };
        var preset = new Option<QualityPreset>("--preset") { Description = PresetBinding.PresetDescription, DefaultValueFactory = _ => QualityPreset.Balanced };
        var ensemble = new Option<bool>("--ensemble") { Description = "End the search with a weighted ensemble of its best trials, saved as one model (on with --preset best)." };
        var timeSplit = new Option<string?>("--time-split")
        {
            Description = "Split by this timestamp column: hold-out tests on the latest posts, cross-validation trains each fold on earlier posts only (forward chaining).",
        };
        var testFraction = new Option<double>("--test-fraction") { Description = "Hold-out share.", DefaultValueFactory = _ => 0.2 };
        var seed = new Option<int>("--seed") { Description = "Seed for splits and trainers.", DefaultValueFactory = _ => 1 };
        var strictImages = new Option<bool>("--strict-images") { Description = "Fail on a missing or unreadable image instead of warning." };
        var time = new Option<double?>("--time") { Description = "Run an AutoML search for this many seconds (trainers, hyperparameters, n-gram and image featurizer settings)." };
        var maxTrials = new Option<int?>("--max-trials") { Description = "Run an AutoML search of at most this many trials (reproducible with --seed)." };
        var metric = new Option<string?>("--metric") { Description = "Search metric: macro-f1 (classification default), weighted-f1 (per-class F1 weighted by support), acc-f1 (mean of accuracy and macro-F1), accuracy, auc, log-loss, rmse (regression default), r2, mae." };
        var tuner = new Option<TunerKind>("--tuner") { Description = "Search tuner: cfo (cost-frugal, default) or random.", DefaultValueFactory = _ => TunerKind.Cfo };
        var memoryLimit = new Option<int?>("--memory-limit") { Description = "Search memory cap in MB: no new trial starts once the managed heap is above it; the best so far is kept." };
        var trialMemory = new Option<int?>("--trial-memory")
        {
            Description = "Search: the most one trial may add to the process's memory in MB (managed and native); a trial over it is stopped and recorded as failed.",
        };
        var trialTime = new Option<double>("--trial-time") { Description = "Time limit of one search trial in seconds; an overrunning trial is recorded as timed out.", DefaultValueFactory = _ => 120 };
        var fusion = new Option<FusionKind>("--fusion")
        {
            Description = "early (one model on all features, default), late (one model per modality + a stacker that learns how much to trust each), " +
                "or auto (fit both, keep the better on out-of-fold validation of the training rows).",
            DefaultValueFactory = _ => FusionKind.Early,
        };
        var stackingFolds = new Option<int>("--stacking-folds") { Description = "Folds of the out-of-fold predictions behind late fusion, auto, --tune-threshold and a stacked multi-task main head.", DefaultValueFactory = _ => 5 };
        var tuneThreshold = new Option<bool>("--tune-threshold")
        {
            Description = "Binary tasks: choose the decision threshold maximising macro-F1 (or --metric accuracy) on out-of-fold predictions; saved in the manifest and applied when predicting.",
        };
        var overSample = new Option<bool>("--over-sample") { Description = "Repeat random minority-class rows in every fit's training rows (never in evaluation rows) until classes are balanced." };
        var output = new Option<FileInfo>("--output", "-o") { Description = "The model zip to write.", Required = true };
        var report = CommonOptions.Report();
        var verbose = CommonOptions.Verbose();
        var clusterFlags = new ClusterFlags();

        var command = new Command("train", "Train a model on posts and save it as a model zip.")
        {
            dataset, label, task, text, image, numeric, categorical, ignore, imageModel, imageInput, imageOutput, imageSize,
            channelOrder, imageEncoder, textEncoder, noCache, wordVectors, wordVectorsVocab, wordVectorsInput, wordVectorsOutput, modalities, trainer, classWeighting, testDataset, evaluation, folds, groupBy, timeSplit, testFraction, seed, strictImages,
            preset, ensemble, time, maxTrials, metric, tuner, trialTime, trialMemory, memoryLimit, fusion, stackingFolds, tuneThreshold, overSample, mainTask, stacking, output, report, verbose,
        };
        foreach (var option in clusterFlags.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(r => CommandRunner.Run(r.GetValue(verbose), cancellationToken =>
        {
            OutputPaths.Check(r);
            var clusterOptions = clusterFlags.ClientOptions(r);
            var roles = new Dictionary<string, ColumnRole>(StringComparer.Ordinal);
            void Assign(Option<string[]> option, ColumnRole role)
            {
                foreach (var column in CommonOptions.SplitList(r.GetValue(option)))
                {
                    roles[column] = role;
                }
            }

            Assign(text, ColumnRole.Text);
            Assign(image, ColumnRole.Image);
            Assign(numeric, ColumnRole.Numeric);
            Assign(categorical, ColumnRole.Categorical);
            Assign(ignore, ColumnRole.Ignore);
            var labels = CommonOptions.SplitList([r.GetValue(label)!]);
            var main = r.GetValue(mainTask) ?? labels.FirstOrDefault();
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

            var loadOptions = new PostLoadOptions
            {
                LabelColumn = main,
                Task = r.GetValue(task),
                RoleOverrides = roles,
                StrictImages = r.GetValue(strictImages),
            };

            var featurizer = new FeaturizerOptions { Modalities = ParseModalities(CommonOptions.SplitList(r.GetValue(modalities))) };
            if (r.GetValue(imageModel) is { } onnx)
            {
                if (!onnx.Exists)
                {
                    throw new FileNotFoundException($"Image model '{onnx.FullName}' does not exist.", onnx.FullName);
                }

                int size = r.GetValue(imageSize);
                featurizer.Image = new ImageFeaturizerOptions
                {
                    Kind = ImageFeaturizerKind.Onnx,
                    Onnx = new OnnxImageModelOptions
                    {
                        ModelPath = onnx.FullName,
                        InputColumnName = r.GetValue(imageInput)!,
                        OutputColumnName = r.GetValue(imageOutput)!,
                        Width = size,
                        Height = size,
                        ChannelOrder = r.GetValue(channelOrder),
                    },
                };
            }

            CommonOptions.ApplyEncoders(featurizer, r.GetValue(imageEncoder), r.GetValue(textEncoder));
            featurizer.EncoderCache = CommonOptions.Cache(r.GetValue(noCache));
            if (r.GetValue(wordVectors) is { } vectors)
            {
                featurizer.Text.WordVectors = new WordVectorModelOptions
                {
                    ModelPath = vectors.FullName,
                    VocabularyPath = r.GetValue(wordVectorsVocab)?.FullName,
                    InputColumnName = r.GetValue(wordVectorsInput)!,
                    OutputColumnName = r.GetValue(wordVectorsOutput)!,
                };
            }
            else if (r.GetValue(wordVectorsVocab) is not null)
            {
                throw new ArgumentException("--word-vectors-vocab names the vocabulary of a word-vector model; give the model too (--word-vectors).");
            }

            var options = new TrainingOptions
            {
                Featurizer = featurizer,
                Trainer = r.GetValue(trainer) is { } name ? new TrainerSpec(name) : null,
                Seed = r.GetValue(seed),
                Evaluation = new EvaluationOptions
                {
                    Strategy = r.GetValue(evaluation),
                    Folds = r.GetValue(folds),
                    TestFraction = r.GetValue(testFraction),
                    GroupColumn = PresetBinding.GroupColumn(r.GetValue(groupBy)),
                    TimeColumn = r.GetValue(timeSplit),
                },
                Fusion = r.GetValue(fusion),
                StackingFolds = r.GetValue(stackingFolds),
                TuneDecisionThreshold = r.GetValue(tuneThreshold),
                OverSampling = r.GetValue(overSample),
                Objective = r.GetValue(metric) is { } objectiveName && AutoMLMetrics.Parse(objectiveName) == AutoMLMetric.Accuracy
                    ? ClassificationObjective.Accuracy
                    : ClassificationObjective.MacroF1,
            };

            bool explicitSearch = r.GetValue(time) is not null || r.GetValue(maxTrials) is not null;
            // Every option is checked before the data set is read, so a typo costs no loading time.
            OptionChecks.Positive(r.GetValue(time), "--time");
            OptionChecks.Positive(r.GetValue(trialTime), "--trial-time");
            OptionChecks.AtLeast(r.GetValue(maxTrials), 1, "--max-trials");
            OptionChecks.AtLeast(r.GetValue(memoryLimit), 1, "--memory-limit");
            OptionChecks.AtLeast(r.GetValue(trialMemory), 1, "--trial-memory");
            OptionChecks.AtLeast(r.GetValue(imageSize), 1, "--image-size");
            OptionChecks.AtLeast(r.GetValue(folds), 2, "--folds");
            OptionChecks.Fraction(r.GetValue(testFraction), "--test-fraction");
            options.Validate();
            if (explicitSearch && options.Trainer is not null)
            {
                throw new ArgumentException("--trainer fixes the trainer, but --time/--max-trials search for one; give one or the other.");
            }

            if (explicitSearch && options.OverSampling)
            {
                throw new ArgumentException("--over-sample applies to single fits; a search (--time/--max-trials) balances classes through the ClassWeighting hyperparameter instead.");
            }

            if (labels.Count > 1 && r.GetValue(testDataset) is not null)
            {
                throw new ArgumentException("--test-dataset is not supported with several labels yet; the multi-task run evaluates on a hold-out or cross-validation of --dataset.");
            }

            if (labels.Count > 1 && (options.Fusion != FusionKind.Early || options.TuneDecisionThreshold || options.OverSampling))
            {
                throw new ArgumentException("--fusion late/auto, --tune-threshold and --over-sample apply to single-label models; with several labels every head is an early-fusion head.");
            }

            // With --cluster, pretrained-encoder shards and search trials run on the workers; the final refit runs here.
            using var cluster = ClusterSession.Open(clusterOptions, inFlight: 8, cancellationToken);
            featurizer.Executor = cluster.Executor;
            var datasetFile = r.GetValue(dataset)!;
            AnsiConsole.MarkupLineInterpolated($"Loading [bold]{datasetFile.FullName}[/] …");
            var data = PostDatasetLoader.Load(datasetFile.FullName, loadOptions);
            ConsoleOutput.LoadSummary(data, labels);
            var classes = data.ClassLabels.Count > 0 ? $" ({string.Join(", ", data.ClassLabels)})" : string.Empty;
            AnsiConsole.MarkupLineInterpolated($"Task: [bold]{data.Task}[/] on '{data.LabelColumn}'{classes}");
            if (r.GetValue(classWeighting))
            {
                var chosen = options.Trainer ?? TrainerFactory.Default(data.Task);
                options.Trainer = new TrainerSpec(chosen.Name, new Dictionary<string, double>(chosen.Parameters) { [TrainerFactory.ClassWeightingParameter] = 1 });
            }

            var plan = labels.Count > 1 && !explicitSearch
                ? null
                : PresetBinding.Plan(data, new PresetRequest
                {
                    Preset = r.GetValue(preset),
                    TimeBudget = r.GetValue(time) is { } givenSeconds ? TimeSpan.FromSeconds(givenSeconds) : null,
                    MaxTrials = r.GetValue(maxTrials),
                    PretrainedEncoders = (featurizer.Image.Onnx is null ? 0 : 1) + (featurizer.Text.WordVectors is null ? 0 : 1),
                    EncodersChosen = r.GetValue(imageEncoder) is not null || r.GetValue(textEncoder) is not null || r.GetValue(imageModel) is not null || r.GetValue(wordVectors) is not null,
                    TrainerFixed = options.Trainer is not null || options.OverSampling,
                    GroupColumn = options.Evaluation.GroupColumn,
                    NoGrouping = PresetBinding.IsNone(r.GetValue(groupBy)),
                    TimeSplit = options.Evaluation.TimeColumn is not null,
                    NoEvaluation = options.Evaluation.Strategy == EvaluationStrategy.None,
                    Ensemble = r.GetValue(ensemble),
                });
            if (plan is not null)
            {
                QualityPresetPlanner.ApplyEncoders(plan, featurizer);
                if (plan.EncoderReason is { } encoders)
                {
                    AnsiConsole.MarkupLineInterpolated($"[bold]Encoders:[/] {encoders}");
                }
            }

            options.Evaluation.GroupColumn = plan?.GroupColumn ?? options.Evaluation.GroupColumn;
            if (options.Evaluation.GroupColumn is null && r.GetValue(testDataset) is null)
            {
                WarnAboutSharedImages(data);
            }

            PostDataset? test = null;
            if (r.GetValue(testDataset) is { } testFile)
            {
                test = PostDatasetLoader.LoadForScoring(testFile.FullName, data.Columns, data.Task, data.ClassLabels, requireLabel: true, loadOptions);
                ConsoleOutput.LoadSummary(test);
            }

            var mlContext = new MLContext(options.Seed);
            bool searching = plan?.Search ?? explicitSearch;
            if (labels.Count > 1)
            {
                var multiTask = new MultiTaskOptions
                {
                    Labels = labels,
                    MainTask = main,
                    Trainer = r.GetValue(trainer) is { } headTrainer ? new TrainerSpec(headTrainer) : null,
                    ClassWeighting = r.GetValue(classWeighting),
                    Featurizer = featurizer,
                    Evaluation = options.Evaluation,
                    Stacking = r.GetValue(stacking),
                    OutOfFoldFolds = options.StackingFolds,
                    Seed = options.Seed,
                    Search = searching ? SearchOptions() : null,
                };
                return MultiTaskTraining.Run(data, multiTask, r.GetValue(output)!, r.GetValue(report), cancellationToken);
            }

            AutoMLExperimentOptions SearchOptions() => new()
            {
                Budget = new SearchBudget
                {
                    Time = plan?.TimeBudget ?? (r.GetValue(time) is { } seconds ? TimeSpan.FromSeconds(seconds) : null),
                    MaxTrials = plan?.MaxTrials ?? r.GetValue(maxTrials),
                    TrialTimeLimit = TimeSpan.FromSeconds(r.GetValue(trialTime)),
                    MemoryLimitBytes = r.GetValue(memoryLimit) is { } megabytes ? megabytes * 1024L * 1024L : null,
                    TrialMemoryLimitBytes = r.GetValue(trialMemory) is { } trialMegabytes ? trialMegabytes * 1024L * 1024L : null,
                    Metric = r.GetValue(metric) is { } metricName ? AutoMLMetrics.Parse(metricName) : null,
                    Tuner = r.GetValue(tuner),
                },
                Seed = options.Seed,
                Featurizer = featurizer,
                Evaluation = options.Evaluation,
                Fusion = options.Fusion,
                StackingFolds = options.StackingFolds,
                TuneDecisionThreshold = options.TuneDecisionThreshold,
                Ensemble = plan?.Ensemble ?? r.GetValue(ensemble),
                Executor = cluster.Executor,
            };

            if (searching)
            {
                var searchOptions = SearchOptions();
                return Search(mlContext, data, test, searchOptions, r.GetValue(output)!, r.GetValue(report), cancellationToken);
            }

            var result = new CrossModalTrainer(mlContext).Train(data, options, test, ConsoleOutput.TrainingProgress(), cancellationToken);
            var manifest = result.ToManifest(data, options);
            var outputFile = r.GetValue(output)!;
            ModelPackage.Save(mlContext, outputFile.FullName, result.Model, data.DataView.Schema, manifest);

            if (result.Metrics is { } metrics)
            {
                ConsoleOutput.Metrics(metrics, $"{result.Trainer.Name}, {result.EvaluationDescription}:");
            }

            ConsoleOutput.Fusion(result.Fusion, result.DecisionThreshold);
            if (result.FusionComparison is { } comparison)
            {
                ConsoleOutput.Metrics(comparison.Early, $"For comparison, early fusion on the same test rows ({comparison.Evaluation}):");
                ConsoleOutput.Metrics(comparison.Late, $"For comparison, late fusion on the same test rows ({comparison.Evaluation}):");
            }

            AnsiConsole.MarkupLineInterpolated($"Model saved to [bold]{outputFile.FullName}[/] ({result.Duration.TotalSeconds:0.0} s).");
            JsonReport.Write(r.GetValue(report), new
            {
                task = result.Task,
                label = data.LabelColumn,
                classLabels = data.ClassLabels,
                trainer = result.Trainer,
                evaluation = result.EvaluationDescription,
                metrics = result.Metrics,
                folds = result.FoldMetrics,
                fusion = manifest.Fusion ?? new FusionSummary { Kind = FusionKind.Early, Requested = FusionKind.Early },
                fusionComparison = result.FusionComparison,
                decisionThreshold = manifest.DecisionThreshold,
                overSampling = manifest.OverSampling,
                data = manifest.Data,
                loading = data.Report,
                model = outputFile.FullName,
                durationSeconds = result.Duration.TotalSeconds,
            });
            return CommandRunner.Success;
        }));
        return command;
    }

    /// <summary>Posts that share an image leak across a random split: the test part holds near-copies of training rows.</summary>
    private static void WarnAboutSharedImages(PostDataset data)
    {
        foreach (var column in data.Columns.Where(c => c.Role == ColumnRole.Image))
        {
            var paths = data.GetColumnValues(column.Name).Where(p => p.Length > 0).ToList();
            int distinct = paths.Distinct(StringComparer.Ordinal).Count();
            if (distinct > 0 && paths.Count >= 2 * distinct)
            {
                AnsiConsole.MarkupLineInterpolated(
                    $"[yellow]Warning:[/] {paths.Count:N0} posts share {distinct:N0} images in '{column.Name}': a random split tests on images seen in training. Consider --group-by {column.Name} (or an event/user column) for honest metrics.");
            }
        }
    }

    private static int Search(
        MLContext mlContext, PostDataset data, PostDataset? test, AutoMLExperimentOptions options, FileInfo outputFile, FileInfo? reportFile, CancellationToken cancellationToken)
    {
        var budget = string.Join(", ", new[]
        {
            options.Budget.Time is { } t ? $"{t.TotalSeconds:0} s" : null,
            options.Budget.MaxTrials is { } n ? $"{n} trials" : null,
        }.OfType<string>());
        AnsiConsole.MarkupLineInterpolated($"AutoML search ({options.Budget.Tuner}, {budget}, seed {options.Seed}) …");
        var result = new AutoMLExperiment(mlContext, options).Run(data, ConsoleProgress.ForSearch(options), cancellationToken);
        foreach (var warning in result.Warnings)
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]warning:[/] {warning}");
        }

        LeaderboardView.Write(result.Search, top: 10);
        EnsembleConsole.Print(result.Ensemble);
        var training = result.Training;
        var metrics = training.Metrics;
        var evaluation = training.EvaluationDescription;
        if (test is not null)
        {
            metrics = new CrossModalTrainer(mlContext).Evaluate(training.Model, test, training.DecisionThreshold?.Threshold);
            evaluation = $"separate test set ({test.RowCount:N0} rows)";
        }

        var manifest = training.ToManifest(data, result.TrainingOptions) with
        {
            Search = result.Summary,
            Ensemble = result.Ensemble,
            Metrics = metrics,
            Evaluation = evaluation,
        };
        ModelPackage.Save(mlContext, outputFile.FullName, training.Model, data.DataView.Schema, manifest);
        if (metrics is not null)
        {
            ConsoleOutput.Metrics(metrics, $"{training.Trainer}, {evaluation}:");
        }

        ConsoleOutput.Fusion(training.Fusion, training.DecisionThreshold);

        AnsiConsole.MarkupLineInterpolated(
            $"Search stopped ({result.Search.StopReason}) after {result.Search.Trials.Count} trials in {result.Search.Elapsed.TotalSeconds:0.0} s; winner refit on all {training.TrainingRows:N0} rows.");
        AnsiConsole.MarkupLineInterpolated($"Model saved to [bold]{outputFile.FullName}[/] ({training.Duration.TotalSeconds:0.0} s).");
        JsonReport.Write(reportFile, new
        {
            task = training.Task,
            label = data.LabelColumn,
            classLabels = data.ClassLabels,
            trainer = training.Trainer,
            evaluation,
            metrics,
            best = result.Summary,
            ensemble = result.Ensemble,
            fusion = manifest.Fusion ?? new FusionSummary { Kind = FusionKind.Early, Requested = FusionKind.Early },
            decisionThreshold = manifest.DecisionThreshold,
            leaderboard = result.Search.Leaderboard.Select(t => new
            {
                trial = t.Number,
                trainer = t.Configuration.Trainer.Name,
                hyperparameters = t.Configuration.Trainer.Parameters,
                featurizer = t.Configuration.Featurizer,
                metric = t.Metric,
                score = double.IsNaN(t.Score) ? (double?)null : t.Score,
                std = double.IsNaN(t.ScoreStd) ? (double?)null : t.ScoreStd,
                folds = t.FoldScores,
                seconds = t.Duration.TotalSeconds,
                status = t.Status,
                message = t.Message,
            }),
            data = manifest.Data,
            loading = data.Report,
            model = outputFile.FullName,
            durationSeconds = training.Duration.TotalSeconds,
        });
        return CommandRunner.Success;
    }

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
