using System.Globalization;
using CrossModalML.AutoML;
using CrossModalML.Data;
using CrossModalML.Featurization;
using CrossModalML.IO;
using CrossModalML.Training;
using CrossModalML.Training.Fusion;
using Microsoft.ML;
using CrossModalML.Packaging;
using CrossModalML.Evaluation;

namespace CrossModalML.Retraining;

/// <summary>Refits a saved model's pipeline on new data and compares the old and new model on the same hold-out.</summary>
/// <remarks>
/// <para>The pipeline is rebuilt from the old manifest alone: the same columns and roles, featurizer options, task,
/// classes, trainer and hyperparameters. A stratified hold-out of the new data (<see cref="RetrainingOptions.TestFraction"/>)
/// scores the old model as it is and the new pipeline fitted on the remaining rows; the saved new model is then refit on
/// every new row, as training does. The old zip is only read.</para>
/// <para>With <see cref="RetrainingOptions.Search"/> the trainer, hyperparameters and n-gram settings are searched again
/// instead: the AutoML search runs on the new rows outside the hold-out, its winner (fitted on those rows) is scored on
/// the hold-out, then refit on every new row, and the new manifest records the search.</para>
/// <para>Deterministic for a given seed. Static and thread-safe; each call works in its own ML.NET context.</para>
/// <para>Security: the old zip is loaded to score it, so the same rule as for <see cref="ModelPackage.Load"/> applies:
/// retrain only models you trust.</para>
/// </remarks>
public static class ModelRetrainer
{
    /// <summary>Retrains on a file of new labelled posts.</summary>
    /// <param name="modelPath">The old model zip.</param>
    /// <param name="newDataPath">New posts (.tsv, .csv, .jsonl) with the old model's input columns and label.</param>
    /// <param name="outputPath">Where to write the new model zip; must differ from <paramref name="modelPath"/>.</param>
    /// <param name="options">Image encoder, hold-out and seed settings.</param>
    /// <param name="progress">Receives a report as each fit starts.</param>
    /// <param name="cancellationToken">Stops the run before the next fit.</param>
    /// <exception cref="ArgumentException">The output would overwrite the old model; the image encoder is missing, not
    /// wanted, or has another SHA-256 than the manifest records; or the new data has a class the old model lacks.</exception>
    /// <exception cref="PostDataException">The new data lacks a column of the old model, or its label.</exception>
    /// <exception cref="ModelPackageException">The old file is not a CrossModalML model.</exception>
    /// <exception cref="NotSupportedException">The old model is a multi-task model.</exception>
    public static RetrainingResult Retrain(
        string modelPath,
        string newDataPath,
        string outputPath,
        RetrainingOptions? options = null,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(newDataPath);
        options ??= new RetrainingOptions();
        var manifest = ModelPackage.ReadManifest(modelPath);
        EnsureRetrainable(manifest, modelPath);
        var data = PostDatasetLoader.LoadForScoring(newDataPath, manifest.Columns, manifest.Task, manifest.ClassLabels, requireLabel: true, options.Load);
        return Retrain(modelPath, data, outputPath, options, progress, cancellationToken);
    }

    /// <summary>Retrains on new labelled posts already in memory.</summary>
    /// <param name="modelPath">The old model zip.</param>
    /// <param name="newData">New posts with the old model's input columns and label, with the old model's task and classes,
    /// e.g. from <see cref="PostDatasetLoader.LoadForScoring"/> with <c>requireLabel: true</c>.</param>
    /// <param name="outputPath">Where to write the new model zip; must differ from <paramref name="modelPath"/>.</param>
    /// <param name="options">Image encoder, hold-out and seed settings.</param>
    /// <param name="progress">Receives a report as each fit starts.</param>
    /// <param name="cancellationToken">Stops the run before the next fit.</param>
    /// <exception cref="ArgumentException">As for the file overload, or the data's label, task or classes differ from the
    /// model's, or a search has no budget or a metric that does not fit the task.</exception>
    /// <exception cref="InvalidOperationException">A search completed no trial (the message gives the first failure).</exception>
    public static RetrainingResult Retrain(
        string modelPath,
        PostDataset newData,
        string outputPath,
        RetrainingOptions? options = null,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelPath);
        ArgumentNullException.ThrowIfNull(newData);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputPath);
        options ??= new RetrainingOptions();
        if (RealPath.AreSame(modelPath, outputPath))
        {
            throw new ArgumentException($"The output '{outputPath}' is the old model itself; retraining never overwrites the old model. Choose another output path.", nameof(outputPath));
        }

        var manifest = ModelPackage.ReadManifest(modelPath);
        EnsureRetrainable(manifest, modelPath);
        CheckData(manifest, newData);
        var featurizer = FeaturizerFor(manifest, options.ImageModelPath, options.WordVectorModelPath, options.WordVectorVocabularyPath);
        featurizer.EncoderCache = options.EncoderCache;
        featurizer.Progress = options.FeaturizationProgress;
        var seed = options.Seed ?? manifest.Seed;
        var training = new TrainingOptions
        {
            Trainer = manifest.Trainer,
            Featurizer = featurizer,
            Seed = seed,
            Evaluation = new EvaluationOptions { Strategy = EvaluationStrategy.HoldOut, TestFraction = options.TestFraction },

            // The fusion that was fitted (an automatic choice is not re-made), its folds, and the imbalance handling.
            Fusion = manifest.FittedFusion(),
            StackingFolds = manifest.Fusion is { StackingFolds: >= 2 } fusion ? fusion.StackingFolds : new TrainingOptions().StackingFolds,
            TuneDecisionThreshold = manifest.DecisionThreshold is not null,
            Objective = manifest.DecisionThreshold?.Objective ?? ClassificationObjective.MacroF1,
            OverSampling = manifest.OverSampling,
        };

        var experiment = options.Search is { } search ? SearchOptionsFor(search, manifest, featurizer, seed) : null;
        var oldData = options.OldDataPath is { } oldPath
            ? PostDatasetLoader.LoadForScoring(oldPath, manifest.Columns, manifest.Task, manifest.ClassLabels, requireLabel: true, options.Load)
            : null;
        if (oldData is not null)
        {
            CheckData(manifest, oldData);
        }

        // The trainer draws its hold-out with this same call, so the old model is scored on exactly the new one's test rows.
        var split = DataSplitter.StratifiedHoldOut(newData.GetLabels(), options.TestFraction, seed);
        var holdOut = newData.Select(split.Test);
        var warnings = new List<string>();
        var added = oldData is null ? null : OldRowsOutsideHoldOut(manifest, oldData, holdOut, warnings);
        if (SeenDataCheck.IsTrainingData(manifest, newData))
        {
            warnings.AddRange(SeenDataCheck.Warnings(manifest, newData, "the old model's score on the hold-out"));
        }

        var mlContext = new MLContext(seed);
        var trainer = new CrossModalTrainer(mlContext);
        EvaluationMetrics oldMetrics;
        using (var old = ModelPackage.Load(mlContext, modelPath))
        {
            oldMetrics = trainer.Evaluate(old.Model, holdOut, manifest);
        }

        var run = new Comparison(modelPath, newData, split, added, oldMetrics, warnings, options.KeepBetter, outputPath);
        return experiment is not null
            ? RetrainWithSearch(mlContext, run, experiment, options.Search!.TrialProgress, progress, cancellationToken)
            : Refit(mlContext, run, training, progress, cancellationToken);
    }

    /// <summary>The new and old rows of one retraining and the old model's score on the hold-out.</summary>
    private sealed record Comparison(
        string ModelPath,
        PostDataset NewData,
        DataSplit Split,
        PostDataset? AddedOldRows,
        EvaluationMetrics OldMetrics,
        IReadOnlyList<string> Warnings,
        bool KeepBetter,
        string OutputPath)
    {
        /// <summary>The rows the comparison model is fitted on: new rows outside the hold-out, and the added old rows.</summary>
        public PostDataset ComparisonRows => WithOld(NewData.Select(Split.Train));

        /// <summary>The rows the saved model is refitted on: every new row and the added old rows.</summary>
        public PostDataset AllRows => WithOld(NewData);

        public PostDataset HoldOut => NewData.Select(Split.Test);

        public string OldRowsNote => AddedOldRows is { } old ? string.Create(CultureInfo.InvariantCulture, $" and {old.RowCount:N0} old") : string.Empty;

        private PostDataset WithOld(PostDataset rows) => AddedOldRows is { } old ? rows.Append(old) : rows;

        /// <summary>The result when the new model is kept (saved by the caller), or a copy of the old zip as the output
        /// when <see cref="KeepBetter"/> and the new model scored worse.</summary>
        public RetrainingResult? KeepOldIfBetter(EvaluationMetrics newMetrics, SearchResult? search)
        {
            if (!KeepBetter || !RetrainingResult.IsImprovement(newMetrics, OldMetrics))
            {
                return null;
            }

            CopyAtomically(ModelPath, OutputPath);
            return Result(newMetrics, ModelPackage.ReadManifest(ModelPath), search, keptOldModel: true);
        }

        public RetrainingResult Result(EvaluationMetrics newMetrics, ModelManifest manifest, SearchResult? search, bool keptOldModel = false) => new()
        {
            OldMetrics = OldMetrics,
            NewMetrics = newMetrics,
            HoldOutRows = Split.Test.Count,
            TrainingRows = NewData.RowCount + (AddedOldRows?.RowCount ?? 0),
            OldRowsAdded = AddedOldRows?.RowCount ?? 0,
            Search = search,
            Manifest = manifest,
            OutputPath = Path.GetFullPath(OutputPath),
            Warnings = Warnings,
            KeptOldModel = keptOldModel,
        };
    }

    /// <summary>Fits the recorded pipeline on the comparison rows, scores it on the hold-out, and refits it on every row
    /// (unless the old model is kept).</summary>
    private static RetrainingResult Refit(MLContext mlContext, Comparison run, TrainingOptions training, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var trainer = new CrossModalTrainer(mlContext);
        var comparisonRows = run.ComparisonRows;
        var trainerName = training.Trainer?.Name ?? "the trainer";
        progress?.Report(new TrainingProgress(1, 2, $"fit {trainerName} on {comparisonRows.RowCount:N0} rows, evaluate on {run.Split.Test.Count:N0}"));
        var compared = trainer.Train(comparisonRows, training, testData: run.HoldOut, progress: null, cancellationToken);
        (compared.Model as IDisposable)?.Dispose();
        var newMetrics = compared.Metrics!;
        if (run.KeepOldIfBetter(newMetrics, search: null) is { } kept)
        {
            return kept;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var all = run.AllRows;
        progress?.Report(new TrainingProgress(2, 2, $"refit {trainerName} on all {all.RowCount:N0} rows"));
        // The comparison above is the evaluation; the refit on every row needs none of its own.
        training.Evaluation = new EvaluationOptions { Strategy = EvaluationStrategy.None };
        var refit = trainer.Train(all, training, testData: null, progress: null, cancellationToken);
        var newManifest = refit.ToManifest(all, training) with
        {
            Metrics = newMetrics,
            Evaluation = string.Create(CultureInfo.InvariantCulture,
                $"stratified hold-out of {run.Split.Test.Count:N0} new rows (seed {training.Seed}), fitted on the other {run.Split.Train.Count:N0} new{run.OldRowsNote} rows"),
        };
        ModelPackage.Save(mlContext, run.OutputPath, refit.Model, all.DataView.Schema, newManifest);
        (refit.Model as IDisposable)?.Dispose();
        return run.Result(newMetrics, newManifest, search: null);
    }

    /// <summary>Searches on the rows outside the hold-out, scores the winner (fitted on those rows) on the hold-out, and
    /// refits it on every row (unless the old model is kept).</summary>
    private static RetrainingResult RetrainWithSearch(
        MLContext mlContext,
        Comparison run,
        AutoMLExperimentOptions experimentOptions,
        IProgress<TrialResult>? trialProgress,
        IProgress<TrainingProgress>? progress,
        CancellationToken cancellationToken)
    {
        int seed = experimentOptions.Seed;
        var searchRows = run.ComparisonRows;
        progress?.Report(new TrainingProgress(1, 2, $"AutoML search on {searchRows.RowCount:N0} rows, evaluate the winner on {run.Split.Test.Count:N0}"));
        var found = new AutoMLExperiment(mlContext, experimentOptions).Run(searchRows, trialProgress, cancellationToken);
        var trainer = new CrossModalTrainer(mlContext);
        EvaluationMetrics newMetrics;
        using (found.Training.Model as IDisposable)
        {
            newMetrics = trainer.Evaluate(found.Training.Model, run.HoldOut);
        }

        if (run.KeepOldIfBetter(newMetrics, found.Search) is { } kept)
        {
            return kept;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var all = run.AllRows;
        progress?.Report(new TrainingProgress(2, 2, $"refit {found.Training.Trainer.Name} on all {all.RowCount:N0} rows"));
        var refit = trainer.Train(all, found.TrainingOptions, testData: null, progress: null, cancellationToken);
        var evaluation = string.Create(CultureInfo.InvariantCulture,
            $"stratified hold-out of {run.Split.Test.Count:N0} new rows (seed {seed}); chosen by AutoML on the other {run.Split.Train.Count:N0} new{run.OldRowsNote} rows ({found.Summary.Evaluation})");
        var newManifest = refit.ToManifest(all, found.TrainingOptions) with
        {
            Search = found.Summary,
            Metrics = newMetrics,
            Evaluation = evaluation,
        };
        ModelPackage.Save(mlContext, run.OutputPath, refit.Model, all.DataView.Schema, newManifest);
        (refit.Model as IDisposable)?.Dispose();
        return run.Result(newMetrics, newManifest, found.Search);
    }

    /// <summary>The old rows to train on: those not equal to a hold-out row, so the new model is never scored on a row it
    /// trained on. Adds a warning when the old rows include hold-out rows (and, when the old rows are the old model's
    /// training data, that the old model's score covers rows it trained on).</summary>
    private static PostDataset OldRowsOutsideHoldOut(ModelManifest manifest, PostDataset oldData, PostDataset holdOut, List<string> warnings)
    {
        var heldOut = holdOut.RowFingerprints().ToHashSet(StringComparer.Ordinal);
        var rows = oldData.RowFingerprints();
        var kept = Enumerable.Range(0, rows.Count).Where(i => !heldOut.Contains(rows[i])).ToList();
        int shared = rows.Count - kept.Count;
        if (shared > 0)
        {
            var source = oldData.SourcePath is { } path ? $"'{path}'" : "The old data";
            var seen = SeenDataCheck.IsTrainingData(manifest, oldData)
                ? " It is the old model's training data, so the old model's score on the hold-out includes rows it was trained on and is optimistic."
                : string.Empty;
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"{source} repeats {shared:N0} row(s) of the new data's hold-out; they were left out of the old rows trained on, so the new model is not scored on rows it saw.{seen}"));
        }

        return oldData.Select(kept);
    }

    /// <summary>Copies a file to a temporary file beside the target and renames it, so the target is never half-written.</summary>
    private static void CopyAtomically(string source, string target)
    {
        var fullPath = Path.GetFullPath(target);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        var temporary = fullPath + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            File.Copy(source, temporary);
            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>The experiment settings of a retraining search, checked before anything is fitted.</summary>
    private static AutoMLExperimentOptions SearchOptionsFor(RetrainingSearchOptions search, ModelManifest manifest, FeaturizerOptions featurizer, int seed)
    {
        var experiment = new AutoMLExperimentOptions
        {
            Budget = search.Budget,
            SearchFeaturizer = search.SearchFeaturizer,
            Seed = seed,
            Featurizer = featurizer,
        };
        experiment.Validate($"{nameof(RetrainingOptions)}.{nameof(RetrainingOptions.Search)}");

        if (search.Budget?.Metric is { } metric && !AutoMLMetrics.AppliesTo(metric, manifest.Task))
        {
            throw new ArgumentException(
                $"The search metric {metric} does not apply to this {manifest.Task} model (label '{manifest.LabelColumn}'); choose one for its task, or leave the metric unset for the default.",
                nameof(search));
        }

        return experiment;
    }

    private static void EnsureRetrainable(ModelManifest manifest, string modelPath)
    {
        if (manifest.IsMultiTask)
        {
            throw new NotSupportedException(
                $"'{modelPath}' is a multi-task model ({string.Join(", ", manifest.Tasks!.Select(t => t.Name))}); retraining multi-task models is not supported yet. " +
                $"Train it again on the new data with the same labels in MultiTaskOptions.Labels ({string.Join(",", manifest.Tasks!.Select(t => t.Name))}).");
        }

        if (manifest.Ensemble is { } ensemble)
        {
            throw new NotSupportedException(
                $"'{modelPath}' is a weighted ensemble of {ensemble.Members.Count} search trials ({string.Join(", ", ensemble.Members.Select(m => m.Trial))}); retraining refits one pipeline. " +
                $"Train it again on the new data (CLI: crossmodal train --label {manifest.LabelColumn} --ensemble, or --preset best).");
        }
    }

    private static void CheckData(ModelManifest manifest, PostDataset data)
    {
        if (data.LabelColumn != manifest.LabelColumn)
        {
            throw new ArgumentException(
                $"The new data's label column is '{data.LabelColumn ?? "(none)"}', but the model predicts '{manifest.LabelColumn}'. Load the data with the model's schema and requireLabel: true.", nameof(data));
        }

        if (data.Task != manifest.Task || !data.ClassLabels.SequenceEqual(manifest.ClassLabels, StringComparer.Ordinal))
        {
            throw new ArgumentException(
                $"The new data is a {data.Task} task with classes [{string.Join(", ", data.ClassLabels)}], but the model is {manifest.Task} with [{string.Join(", ", manifest.ClassLabels)}]. " +
                "Load the data with the model's task and classes.", nameof(data));
        }

        if (manifest.Task != TaskKind.Regression)
        {
            var known = new HashSet<string>(manifest.ClassLabels, StringComparer.Ordinal);
            var unknown = data.GetLabels().Where(label => !known.Contains(label)).Distinct(StringComparer.Ordinal).ToList();
            if (unknown.Count > 0)
            {
                throw new ArgumentException(
                    $"The new data has labels the model does not know in column '{manifest.LabelColumn}': {string.Join(", ", unknown.Take(5).Select(l => $"'{l}'"))}. " +
                    $"Retraining keeps the model's classes ({string.Join(", ", manifest.ClassLabels)}); to add classes, train a new model.", nameof(data));
            }
        }

        var missing = manifest.InputColumns().Where(c => !data.Columns.Any(d => d.Name == c.Name)).Select(c => c.Name).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"The new data lacks the model's input columns {string.Join(", ", missing.Select(m => $"'{m}'"))}.", nameof(data));
        }
    }

    private static FeaturizerOptions FeaturizerFor(ModelManifest manifest, string? imageModelPath, string? wordVectorModelPath, string? vocabularyPath)
    {
        var featurizer = manifest.Featurizer;
        if (manifest.ImageModel is { } image)
        {
            var path = SameFile(imageModelPath, image.FileName, image.Sha256, "ONNX image encoder", nameof(RetrainingOptions.ImageModelPath));
            var onnx = featurizer.Image.Onnx ?? new OnnxImageModelOptions
            {
                InputColumnName = image.InputColumnName,
                OutputColumnName = image.OutputColumnName,
                Width = image.Width,
                Height = image.Height,
                ChannelOrder = image.ChannelOrder,
            };
            onnx.ModelPath = path;
            featurizer.Image = new ImageFeaturizerOptions { Kind = ImageFeaturizerKind.Onnx, Onnx = onnx };
        }
        else if (imageModelPath is not null)
        {
            throw new ArgumentException(
                $"The model uses no ONNX image encoder (its image features are {featurizer.Image.Kind}), so no image model should be given; remove '{imageModelPath}'.", nameof(imageModelPath));
        }

        if (manifest.WordVectorModel is { } words)
        {
            var path = SameFile(wordVectorModelPath, words.FileName, words.Sha256, "word-vector model", nameof(RetrainingOptions.WordVectorModelPath));
            var vectors = featurizer.Text.WordVectors ?? new WordVectorModelOptions { InputColumnName = words.InputColumnName, OutputColumnName = words.OutputColumnName };
            vectors.ModelPath = path;
            vectors.VocabularyPath = Vocabulary(words, path, vocabularyPath);
            featurizer.Text.WordVectors = vectors;
        }
        else if (wordVectorModelPath is not null || vocabularyPath is not null)
        {
            throw new ArgumentException(
                $"The model uses no word vectors, so no word-vector model or vocabulary should be given; remove '{wordVectorModelPath ?? vocabularyPath}'.", nameof(wordVectorModelPath));
        }

        return featurizer;
    }

    /// <summary>The word-vector vocabulary the model was trained with: the file given, or else the manifest's file name
    /// beside the word-vector model, or else <c>vocab.txt</c> there; the first whose SHA-256 matches the manifest's.</summary>
    /// <remarks>The vocabulary travels as the ONNX model does, as a file the user keeps and names, not inside the zip: a
    /// vocabulary can be megabytes and is shared by every model trained on the same vectors.</remarks>
    private static string Vocabulary(WordVectorModelInfo words, string modelPath, string? given)
    {
        var beside = Path.GetDirectoryName(modelPath) ?? string.Empty;
        var candidates = given is not null
            ? new[] { Path.GetFullPath(given) }
            : new[] { Path.Combine(beside, words.VocabularyFileName), Path.Combine(beside, WordVectorModelOptions.DefaultVocabularyFileName) }.Distinct(StringComparer.Ordinal).ToArray();
        var found = candidates.FirstOrDefault(c => File.Exists(c) && string.Equals(FileHash.Sha256(c), words.VocabularySha256, StringComparison.OrdinalIgnoreCase));
        if (found is not null)
        {
            return found;
        }

        var looked = string.Join(" and ", candidates.Select(c => $"'{c}' ({(File.Exists(c) ? "a different file" : "missing")})"));
        throw new ArgumentException(
            $"The model was trained with the word-vector vocabulary '{words.VocabularyFileName}' (SHA-256 {words.VocabularySha256}); looked at {looked}. " +
            "Give that file in RetrainingOptions.WordVectorVocabularyPath, or put it beside the word-vector model under its name.",
            nameof(RetrainingOptions.WordVectorVocabularyPath));
    }

    /// <summary>The full path of the file the user gave for a model file the manifest names, checked against its hash.</summary>
    private static string SameFile(string? path, string fileName, string sha256, string what, string apiOption)
    {
        if (path is null)
        {
            throw new ArgumentException(
                $"The model was trained with the {what} '{fileName}' (SHA-256 {sha256}). The file is not stored in the manifest; " +
                $"pass the same file again in RetrainingOptions.{apiOption}.", apiOption);
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The {what} '{path}' does not exist.", path);
        }

        var actual = FileHash.Sha256(path);
        if (!string.Equals(actual, sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException(
                $"The {what} '{path}' has SHA-256 {actual}, but the model was trained with '{fileName}' of SHA-256 {sha256}. " +
                "Retraining must reuse the same file; give that exact one.", apiOption);
        }

        return Path.GetFullPath(path);
    }
}
