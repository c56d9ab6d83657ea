using CrossModalML.Featurization;
namespace CrossModalML.AutoML;

/// <summary>What a search may choose: candidate trainers with their hyperparameter ranges, and featurizer dimensions
/// shared by every trainer.</summary>
/// <remarks>
/// <para>Pure data plus the arithmetic tuners need (unit-cube mapping, starting points, cost estimates); the code that
/// turns a point into a trainer and featurizer lives in <see cref="TrialConfiguration.FromPoint"/>. Build the standard
/// space with <see cref="SearchSpaceCatalog.For"/>, or construct one directly (tests use synthetic spaces).</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
internal sealed class SearchSpace
{
    /// <summary>Creates a search space.</summary>
    /// <param name="trainers">The candidate trainers, in the order a tuner first tries them (cheapest and most promising first).</param>
    /// <param name="featurizer">Featurizer dimensions searched together with every trainer's hyperparameters; may be empty.</param>
    /// <exception cref="ArgumentException">No trainers, a repeated trainer, or a dimension name used twice within one trainer's space.</exception>
    public SearchSpace(IReadOnlyList<TrainerSearchSpace> trainers, IReadOnlyList<HyperparameterRange> featurizer)
    {
        ArgumentNullException.ThrowIfNull(trainers);
        ArgumentNullException.ThrowIfNull(featurizer);
        if (trainers.Count == 0)
        {
            throw new ArgumentException("A search space needs at least one candidate trainer.", nameof(trainers));
        }

        var repeated = trainers.GroupBy(t => t.TrainerName).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new ArgumentException($"Trainer '{repeated.Key}' appears twice in the search space; list each trainer once.", nameof(trainers));
        }

        foreach (var trainer in trainers)
        {
            var clash = trainer.Hyperparameters.Concat(featurizer).GroupBy(d => d.Name).FirstOrDefault(g => g.Count() > 1);
            if (clash is not null)
            {
                throw new ArgumentException($"Dimension '{clash.Key}' is defined twice for trainer '{trainer.TrainerName}'.", nameof(featurizer));
            }
        }

        Trainers = trainers;
        Featurizer = featurizer;
    }

    /// <summary>The candidate trainers, in first-try order.</summary>
    public IReadOnlyList<TrainerSearchSpace> Trainers { get; }

    /// <summary>The featurizer dimensions (see <see cref="FeaturizerChoice"/> for their names).</summary>
    public IReadOnlyList<HyperparameterRange> Featurizer { get; }

    /// <summary>The trainer's space.</summary>
    /// <param name="trainerName">A trainer of this space.</param>
    /// <exception cref="ArgumentException">The trainer is not in this space.</exception>
    public TrainerSearchSpace Trainer(string trainerName) =>
        Trainers.FirstOrDefault(t => t.TrainerName == trainerName)
        ?? throw new ArgumentException(
            $"Trainer '{trainerName}' is not in the search space. Candidates: {string.Join(", ", Trainers.Select(t => t.TrainerName))}.", nameof(trainerName));

    /// <summary>All dimensions searched with a trainer: its hyperparameters, then the featurizer dimensions.</summary>
    /// <param name="trainerName">A trainer of this space.</param>
    public IReadOnlyList<HyperparameterRange> Dimensions(string trainerName) => [.. Trainer(trainerName).Hyperparameters, .. Featurizer];

    /// <summary>The trainer's cheap starting point.</summary>
    /// <param name="trainerName">A trainer of this space.</param>
    public SearchPoint StartPoint(string trainerName) =>
        new(trainerName, Dimensions(trainerName).ToDictionary(d => d.Name, d => d.FromUnit(d.ToUnit(d.Start))));

    /// <summary>Maps unit-cube coordinates (in <see cref="Dimensions"/> order) to a point, clamping and rounding.</summary>
    /// <param name="trainerName">A trainer of this space.</param>
    /// <param name="unit">One coordinate per dimension.</param>
    public SearchPoint FromUnit(string trainerName, IReadOnlyList<double> unit)
    {
        var dimensions = Dimensions(trainerName);
        if (unit.Count != dimensions.Count)
        {
            throw new ArgumentException($"Trainer '{trainerName}' has {dimensions.Count} dimensions but {unit.Count} coordinates were given.", nameof(unit));
        }

        return new SearchPoint(trainerName, dimensions.Select((d, i) => (d.Name, Value: d.FromUnit(unit[i]))).ToDictionary(p => p.Name, p => p.Value));
    }

    /// <summary>Maps a point to unit-cube coordinates, in <see cref="Dimensions"/> order.</summary>
    /// <param name="point">A point of this space.</param>
    public double[] ToUnit(SearchPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        return Dimensions(point.TrainerName).Select(d => d.ToUnit(point.Values.TryGetValue(d.Name, out var v) ? v : d.Start)).ToArray();
    }

    /// <summary>A deterministic estimate of a point's fitting cost, in units of an L-BFGS fit at its start: the trainer's
    /// <see cref="TrainerSearchSpace.RelativeCost"/> times, for each cost-related dimension, value ÷ start.</summary>
    /// <remarks>Tuners use it instead of wall time when decisions must not depend on the clock (runs bounded by a trial
    /// count), so that the same seed gives the same search.</remarks>
    /// <param name="point">A point of this space.</param>
    public double EstimateCost(SearchPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        var trainer = Trainer(point.TrainerName);
        double cost = trainer.RelativeCost;
        foreach (var dimension in Dimensions(point.TrainerName).Where(d => d.CostRelated && d.Start > 0))
        {
            if (point.Values.TryGetValue(dimension.Name, out var value))
            {
                cost *= Math.Max(value, dimension.Min) / dimension.Start;
            }
        }

        return cost;
    }
}
