using CrossModalML.Featurization;
using CrossModalML.Training;
using CrossModalML.Packaging;

namespace CrossModalML.AutoML;

/// <summary>What one trial fits: a trainer with hyperparameters and a featurizer choice.</summary>
/// <param name="Trainer">The trainer and its hyperparameters, as <see cref="TrainerFactory"/> reads them.</param>
/// <param name="Featurizer">The featurizer settings the search chose.</param>
public sealed record TrialConfiguration(TrainerSpec Trainer, FeaturizerChoice Featurizer)
{
    /// <summary>Turns a search point into a configuration: the trainer's dimensions become hyperparameters, the
    /// featurizer dimensions a <see cref="FeaturizerChoice"/>.</summary>
    /// <param name="space">The space the point belongs to.</param>
    /// <param name="point">The point.</param>
    /// <param name="baseFeaturizer">The user's featurizer options, for settings the point does not vary.</param>
    internal static TrialConfiguration FromPoint(SearchSpace space, SearchPoint point, FeaturizerOptions baseFeaturizer)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(point);
        ArgumentNullException.ThrowIfNull(baseFeaturizer);
        var trainer = space.Trainer(point.TrainerName);
        var parameters = trainer.Hyperparameters
            .Where(h => point.Values.ContainsKey(h.Name))
            .ToDictionary(h => h.Name, h => point.Values[h.Name]);
        return new TrialConfiguration(new TrainerSpec(point.TrainerName, parameters), FeaturizerChoice.FromDimensions(point.Values, baseFeaturizer));
    }

    /// <inheritdoc />
    public override string ToString() => $"{Trainer} | {Featurizer}";
}
