using System.Globalization;
using CrossModalML.Data;
using CrossModalML.Training;
using CrossModalML.Training.Ensemble;
using Microsoft.ML;
using CrossModalML.Evaluation;
using CrossModalML.Packaging;

namespace CrossModalML.AutoML;

/// <summary>The ensemble step after a classification search: candidates from the leaderboard, greedy selection on their
/// out-of-fold probabilities, refits of the selected trials and one composed model.</summary>
internal static class SearchEnsemble
{
    /// <summary>Uncalibrated binary trainers write a margin, not a probability, so they cannot join a probability average.</summary>
    private static readonly HashSet<string> Uncalibrated = new(StringComparer.Ordinal) { TrainerNames.AveragedPerceptron, TrainerNames.LinearSvm };

    /// <summary>A built ensemble: what it holds, the composed model and its out-of-fold metrics.</summary>
    public sealed record Built(EnsembleSummary Summary, ITransformer Model, EvaluationMetrics Metrics, string Evaluation);

    /// <summary>Builds the ensemble, or returns <c>null</c> with the reason in <paramref name="warnings"/> when the best trial alone is kept.</summary>
    /// <param name="mlContext">The context members are refit in.</param>
    /// <param name="data">The training posts.</param>
    /// <param name="search">The finished search.</param>
    /// <param name="runner">The runner that kept the trials' out-of-fold probabilities.</param>
    /// <param name="candidates">How many of the best trials to consider.</param>
    /// <param name="minimumGain">The least cross-fitted gain over the best trial for which the ensemble is kept.</param>
    /// <param name="minimumStandardErrors">How many of its standard errors the cross-fitted gain must also reach.</param>
    /// <param name="optionsFor">The refit options of a trial's configuration.</param>
    /// <param name="bestRefit">The best trial's refit, reused when it is a member.</param>
    /// <param name="warnings">Receives why no ensemble was built.</param>
    public static Built? Build(
        MLContext mlContext,
        PostDataset data,
        SearchResult search,
        CachedFeatureTrialRunner runner,
        int candidates,
        double minimumGain,
        double minimumStandardErrors,
        Func<TrialConfiguration, TrainingOptions> optionsFor,
        TrainingResult bestRefit,
        List<string> warnings)
    {
        var metric = search.Metric;
        var pool = search.Leaderboard
            .Where(t => t.Status == TrialStatus.Completed && !(data.Task == TaskKind.Binary && Uncalibrated.Contains(t.Configuration.Trainer.Name)))
            .DistinctBy(t => t.Configuration)
            .Select(t => (Trial: t, OutOfFold: runner.OutOfFold(t.Configuration)))
            .Where(c => c.OutOfFold is not null)
            .Take(candidates)
            .ToList();
        if (pool.Count < 2)
        {
            warnings.Add($"No ensemble: only {pool.Count} completed trial(s) with out-of-fold probabilities; the best trial is saved alone.");
            return null;
        }

        var truthAll = runner.ClassIndices();
        var rows = Enumerable.Range(0, data.RowCount).Where(i => pool.All(c => c.OutOfFold![i] is not null)).ToList();
        var truth = rows.Select(i => truthAll[i]).ToList();
        var probabilities = pool.Select(c => (IReadOnlyList<float[]>)rows.Select(i => c.OutOfFold![i]!).ToList()).ToList();
        var weights = EnsembleSelection.Select(probabilities, truth, data.ClassLabels, metric);
        var selected = Enumerable.Range(0, pool.Count).Where(i => weights.Counts[i] > 0).OrderByDescending(i => weights.Counts[i]).ThenBy(i => i).ToList();
        double bestSingle = AutoMLMetrics.Read(metric, MetricsCalculator.Classification(data.ClassLabels, truth, probabilities[0]));
        if (selected.Count < 2)
        {
            warnings.Add($"No ensemble: greedy selection over {pool.Count} trials kept trial {pool[selected[0]].Trial.Number} alone; the refit trial {pool[0].Trial.Number} is saved as the model.");
            return null;
        }

        // Scored on its own rows, selection always looks at least as good as the best trial; keep the ensemble only when
        // its gain carries over to rows its weights were not selected on.
        var (gain, standardError) = EnsembleSelection.CrossFittedGain(probabilities, truth, data.ClassLabels, metric);
        string measured = string.Create(CultureInfo.InvariantCulture,
            $"selected on half of the out-of-fold rows and scored on the other half, it beats trial {pool[0].Trial.Number} by {gain:+0.0000;-0.0000} {metric} (standard error {standardError:0.0000})");
        if (gain < minimumGain)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"No ensemble: {measured}, less than {minimumGain} (AutoMLExperimentOptions.EnsembleMinimumGain); the best trial is saved alone."));
            return null;
        }

        // A gain within the noise of the rows it was measured on does not hold on new posts (docs/benchmarks.md).
        if (minimumStandardErrors > 0 && !(gain >= minimumStandardErrors * standardError))
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"No ensemble: {measured}, less than {minimumStandardErrors} standard errors (AutoMLExperimentOptions.EnsembleMinimumStandardErrors); the best trial is saved alone."));
            return null;
        }

        var members = new List<ITransformer>();
        foreach (var index in selected)
        {
            var configuration = pool[index].Trial.Configuration;
            members.Add(index == 0 && configuration.Equals(search.Best!.Configuration)
                ? bestRefit.Model
                : new CrossModalTrainer(mlContext).Train(data, optionsFor(configuration), cancellationToken: CancellationToken.None).Model);
        }

        ITransformer model;
        try
        {
            model = EnsembleModelBuilder.Compose(mlContext, data.Task, data.ClassLabels, members, selected.Select(i => weights.Counts[i]).ToList(), data.DataView);
        }
        catch (ArgumentException ex)
        {
            warnings.Add($"No ensemble: {ex.Message} The best trial is saved alone.");
            return null;
        }

        var summary = new EnsembleSummary
        {
            Members = selected.Select(i => new EnsembleMember(pool[i].Trial.Number, pool[i].Trial.Configuration.Trainer, pool[i].Trial.Configuration.Featurizer, weights.Weights[i], pool[i].Trial.Score)).ToList(),
            Metric = metric,
            Score = weights.Score,
            BestSingleScore = bestSingle,
            CrossFittedGain = gain,
            CrossFittedGainStandardError = standardError,
            Candidates = pool.Count,
            Rounds = EnsembleSelection.DefaultRounds,
            Rows = rows.Count,
        };
        var metrics = MetricsCalculator.Classification(data.ClassLabels, truth, EnsembleSelection.Average(probabilities, weights.Weights));
        var evaluation = $"weighted ensemble of trials {Describe(summary)} (greedy selection over {pool.Count} trials), scored on their out-of-fold predictions of {runner.EvaluationDescription}";
        return new Built(summary, model, metrics, evaluation);
    }

    /// <summary>"7 ×0.56, 3 ×0.44".</summary>
    public static string Describe(EnsembleSummary summary) =>
        string.Join(", ", summary.Members.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Trial} ×{m.Weight:0.##}")));
}
