using System.Diagnostics;
using System.Globalization;
using CrossModalML.Data;
using CrossModalML.Evaluation;
using CrossModalML.Packaging;
using CrossModalML.Training;
using Microsoft.ML;

namespace CrossModalML.AutoML;

/// <summary>Builds a <see cref="TestLeaderboard"/> from a saved search model: refits each trial its manifest records on
/// the training posts, scores it on the test posts, and scores the saved model as it is.</summary>
/// <remarks>
/// Each refit runs in its own context seeded with the manifest's seed and fits as the search's winner was refit (every
/// row, the search's fusion, threshold tuning and objective), so a row does not depend on the others or their order.
/// The saved model's row (the winner, or the ensemble) is not refit: it is the model itself.
/// </remarks>
internal static class TestLeaderboardBuilder
{
    /// <summary>The leaderboard of the model of <paramref name="manifest"/> (fitted as <paramref name="savedModel"/>).</summary>
    /// <exception cref="NotSupportedException">The model is multi-task, or was not found by a search.</exception>
    /// <exception cref="ArgumentException">The training or test posts do not have the model's label, task and classes.</exception>
    public static TestLeaderboard Build(
        MLContext mlContext, ModelManifest manifest, ITransformer savedModel, PostDataset train, PostDataset test, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var search = SearchOf(manifest);
        CheckPosts(manifest, train, nameof(train));
        CheckPosts(manifest, test, nameof(test));
        var warnings = new List<string>();
        bool matches = SeenDataCheck.IsTrainingData(manifest, train);
        if (!matches)
        {
            warnings.Add(
                $"{Source(train)} are not the model's training data (their fingerprint differs from the manifest's Data.Fingerprint): each trial is refit on them, " +
                "so the refits are not the fits the search made, and only the saved model's row is the saved model.");
        }

        warnings.AddRange(SeenDataCheck.Warnings(manifest, test, "every test score"));
        var trials = search.Trials ?? [new SearchTrialRecord(search.BestTrial, search.BestTrainer, search.BestFeaturizer, "Completed", search.BestScore, search.BestScoreStd)];
        if (search.Trials is null)
        {
            warnings.Add("The model was saved before searches recorded every trial; only the winner is listed. Search again with this version to compare every trial.");
        }

        var ensemble = manifest.Ensemble;
        int steps = trials.Count + (ensemble is null ? 0 : 1);
        var entries = new List<TestLeaderboardEntry>(steps);
        foreach (var trial in trials)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var weight = ensemble?.Members.FirstOrDefault(m => m.Trial == trial.Number)?.Weight;
            bool saved = ensemble is null && trial.Number == search.BestTrial;
            progress?.Report(new TrainingProgress(entries.Count + 1, steps, saved
                ? string.Create(CultureInfo.InvariantCulture, $"score trial {trial.Number} ({trial.Trainer.Name}), the saved model, on {test.RowCount:N0} rows")
                : string.Create(CultureInfo.InvariantCulture, $"refit trial {trial.Number} ({trial.Trainer.Name}) on {train.RowCount:N0} rows, score on {test.RowCount:N0}")));
            var entry = new TestLeaderboardEntry
            {
                Label = string.Create(CultureInfo.InvariantCulture, $"trial {trial.Number}"),
                Trial = trial.Number,
                Trainer = trial.Trainer,
                Featurizer = trial.Featurizer,
                IsSavedModel = saved,
                EnsembleWeight = weight,
                ValidationScore = trial.Score,
                ValidationScoreStd = trial.ScoreStd,
            };
            entries.Add(saved
                ? Scored(entry, search.Metric, () => new CrossModalTrainer(mlContext).Evaluate(savedModel, test, manifest))
                : trial.Status == nameof(TrialStatus.Completed)
                    ? Scored(entry, search.Metric, () => RefitAndScore(manifest, search, trial, train, test, cancellationToken))
                    : entry with { Message = $"{trial.Status} in the search; not refit." });
        }

        if (ensemble is not null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var members = string.Join(", ", ensemble.Members.Select(m => m.Trial.ToString(CultureInfo.InvariantCulture)));
            progress?.Report(new TrainingProgress(steps, steps, string.Create(CultureInfo.InvariantCulture, $"score the saved ensemble of trials {members} on {test.RowCount:N0} rows")));
            var entry = new TestLeaderboardEntry
            {
                Label = $"ensemble of trials {members}",
                Trainer = manifest.Trainer,
                IsSavedModel = true,
                ValidationScore = ensemble.Score,
            };
            entries.Add(Scored(entry, search.Metric, () => new CrossModalTrainer(mlContext).Evaluate(savedModel, test, manifest)));
        }

        return new TestLeaderboard
        {
            Metric = search.Metric,
            Entries = Rank(entries, search.Metric),
            TrainingRows = train.RowCount,
            TestRows = test.RowCount,
            TrainingDataMatches = matches,
            Warnings = warnings,
        };
    }

    /// <summary>The row with its test metrics, or with the reason scoring failed; cancellation is not caught.</summary>
    private static TestLeaderboardEntry Scored(TestLeaderboardEntry entry, AutoMLMetric metric, Func<EvaluationMetrics> score)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var metrics = score();
            return entry with { TestMetrics = metrics, TestScore = AutoMLMetrics.Read(metric, metrics), Duration = clock.Elapsed };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One trial that cannot be rebuilt (say, it needs an ONNX model file the manifest names only by hash) leaves the others standing.
            return entry with { Message = $"refit failed: {ex.Message}", Duration = clock.Elapsed };
        }
    }

    /// <summary>Fits the trial on every training row in a context of its own, as the winner was refit, and scores it.</summary>
    private static EvaluationMetrics RefitAndScore(
        ModelManifest manifest, SearchSummary search, SearchTrialRecord trial, PostDataset train, PostDataset test, CancellationToken cancellationToken)
    {
        var options = TrialRefit.From(manifest, search).Options(trial.Trainer, trial.Featurizer);
        var trainer = new CrossModalTrainer(new MLContext(manifest.Seed));
        var refit = trainer.Train(train, options, testData: null, progress: null, cancellationToken);
        using (refit.Model as IDisposable)
        {
            return trainer.Evaluate(refit.Model, test, refit.DecisionThreshold?.Threshold);
        }
    }

    /// <summary>Best test score first; rows without one last, in trial order.</summary>
    private static List<TestLeaderboardEntry> Rank(List<TestLeaderboardEntry> entries, AutoMLMetric metric)
    {
        double sign = AutoMLMetrics.HigherIsBetter(metric) ? -1 : 1;
        return entries
            .OrderBy(e => e.TestScore is { } score && !double.IsNaN(score) ? 0 : 1)
            .ThenBy(e => e.TestScore is { } score && !double.IsNaN(score) ? sign * score : 0)
            .ThenBy(e => e.Trial ?? int.MaxValue)
            .ToList();
    }

    private static SearchSummary SearchOf(ModelManifest manifest)
    {
        if (manifest.IsMultiTask)
        {
            throw new NotSupportedException(
                $"The model is a multi-task model ({string.Join(", ", manifest.Tasks!.Select(t => t.Name))}); a test-set leaderboard compares the trials of a single-task search.");
        }

        return manifest.Search ?? throw new NotSupportedException(
            $"The model ({manifest.Trainer.Name}) was not found by a search (its manifest has no Search), so it has no trials to compare; measure it with CrossModalModel.Evaluate.");
    }

    private static void CheckPosts(ModelManifest manifest, PostDataset posts, string parameter)
    {
        if (posts.LabelColumn != manifest.LabelColumn || posts.Task != manifest.Task || !posts.ClassLabels.SequenceEqual(manifest.ClassLabels, StringComparer.Ordinal))
        {
            throw new ArgumentException(
                $"{Source(posts)} have label '{posts.LabelColumn ?? "(none)"}' ({posts.Task}, classes [{string.Join(", ", posts.ClassLabels)}]), but the model predicts " +
                $"'{manifest.LabelColumn}' ({manifest.Task}, classes [{string.Join(", ", manifest.ClassLabels)}]). Load them with the model's columns and requireLabel: true.",
                parameter);
        }
    }

    private static string Source(PostDataset posts) => posts.SourcePath is { } path ? $"The posts of '{path}'" : "The posts";
}
