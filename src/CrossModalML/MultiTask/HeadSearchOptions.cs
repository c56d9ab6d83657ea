using CrossModalML.AutoML;
using CrossModalML.Evaluation;

namespace CrossModalML.MultiTask;

/// <summary>The AutoML options of a head's search, and of a separate model's, from <see cref="MultiTaskOptions.Search"/>.</summary>
internal static class HeadSearchOptions
{
    /// <summary>The search settings with the multi-task seed and featurizer, optimising <paramref name="metric"/>.</summary>
    /// <param name="options">Multi-task options with <see cref="MultiTaskOptions.Search"/> set.</param>
    /// <param name="metric">The metric; <c>null</c> for the task's default.</param>
    public static AutoMLExperimentOptions For(MultiTaskOptions options, AutoMLMetric? metric)
    {
        var search = options.Search!;
        return new AutoMLExperimentOptions
        {
            Budget = search.Budget with { Metric = metric },
            Seed = options.Seed,
            Featurizer = options.Featurizer,
            SearchFeaturizer = search.SearchFeaturizer,
            Evaluation = search.Evaluation,
        };
    }
}
