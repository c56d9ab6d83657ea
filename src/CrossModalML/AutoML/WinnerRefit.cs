using System.Diagnostics;
using CrossModalML.Data;
using CrossModalML.Evaluation;
using CrossModalML.Packaging;
using CrossModalML.Training;
using CrossModalML.Training.Fusion;
using Microsoft.ML;

namespace CrossModalML.AutoML;

/// <summary>After a search: refits the winning configuration on all rows through <see cref="CrossModalTrainer"/> (as late
/// fusion, or choosing the fusion, when the options ask), builds the ensemble when asked, and reports what the saved model
/// was measured on.</summary>
internal static class WinnerRefit
{
    /// <summary>Refits the winner and assembles the result.</summary>
    /// <param name="mlContext">The context the refits run in.</param>
    /// <param name="options">The search options (fusion, threshold, ensemble, seed, featurizer).</param>
    /// <param name="data">The training posts.</param>
    /// <param name="search">The finished search; it has a best trial.</param>
    /// <param name="trialEvaluation">How the trials were evaluated, in words.</param>
    /// <param name="runner">The runner that evaluated the trials on every row and kept their out-of-fold probabilities, for
    /// the ensemble; <c>null</c> when the trials ran on row samples (no ensemble is built then).</param>
    /// <param name="metric">The metric the search optimised.</param>
    /// <param name="warnings">The search's warnings so far; receives the refit's.</param>
    public static AutoMLResult Refit(
        MLContext mlContext, AutoMLExperimentOptions options, PostDataset data, SearchResult search, string trialEvaluation, CachedFeatureTrialRunner? runner, AutoMLMetric metric, List<string> warnings)
    {
        var task = data.Task;
        var best = search.Best!;
        var refitRule = new TrialRefit(
            options.Featurizer, options.Seed, task, options.Fusion, options.StackingFolds, options.TuneDecisionThreshold, metric, options.Evaluation.GroupColumn);
        TrainingOptions RefitOptions(TrialConfiguration configuration) => refitRule.Options(configuration.Trainer, configuration.Featurizer);

        var trainingOptions = RefitOptions(best.Configuration);
        var refit = new CrossModalTrainer(mlContext).Train(data, trainingOptions, cancellationToken: CancellationToken.None);
        string evaluation = $"AutoML trial {best.Number} of {search.Trials.Count}, {trialEvaluation}";
        var metrics = best.Metrics;
        if (refit.Fusion is { Kind: FusionKind.Late, Validation: { } lateMetrics } fusion)
        {
            // The trial's figures describe early fusion; the saved model is late fusion, so report what was measured for it.
            metrics = lateMetrics;
            evaluation = fusion.Selection is { } selection
                ? $"late fusion of trial {best.Number}'s trainer and featurizer, chosen after the search ({selection.Reason})"
                : $"late fusion of trial {best.Number}'s trainer and featurizer, {fusion.StackingFolds}-fold out-of-fold predictions of the training rows";
        }
        else if (refit.Fusion?.Selection is { } selection)
        {
            evaluation += $"; early fusion kept after the final comparison ({selection.Reason})";
        }

        SearchEnsemble.Built? ensemble = null;
        var ensembleClock = Stopwatch.StartNew();
        if (options.Ensemble && runner is not null)
        {
            if (task == TaskKind.Regression || options.Fusion != FusionKind.Early || options.TuneDecisionThreshold)
            {
                warnings.Add("No ensemble: ensembles average class probabilities of early-fusion models without a tuned threshold; the best trial is saved alone.");
            }
            else
            {
                ensemble = SearchEnsemble.Build(mlContext, data, search, runner, options.EnsembleCandidates, options.EnsembleMinimumGain, options.EnsembleMinimumStandardErrors, RefitOptions, refit, warnings);
            }
        }

        if (ensemble is not null)
        {
            metrics = ensemble.Metrics;
            evaluation = ensemble.Evaluation;
        }

        var training = new TrainingResult
        {
            Model = ensemble?.Model ?? refit.Model,
            Task = refit.Task,
            Trainer = refit.Trainer,
            Featurization = refit.Featurization,
            EvaluationDescription = evaluation,
            Metrics = metrics,
            TrainingRows = refit.TrainingRows,
            Duration = search.Elapsed + refit.Duration + (ensemble is null ? TimeSpan.Zero : ensembleClock.Elapsed),
            Fusion = refit.Fusion,
            DecisionThreshold = refit.DecisionThreshold,
            DecisionThresholdInModel = refit.DecisionThresholdInModel,
            OverSampling = refit.OverSampling,
        };
        return new AutoMLResult
        {
            Search = search,
            Training = training,
            TrainingOptions = trainingOptions,
            Warnings = warnings,
            Summary = SearchSummaries.Create(options, search, best, evaluation, best.Configuration.Featurizer),
            Ensemble = ensemble?.Summary,
        };
    }
}
