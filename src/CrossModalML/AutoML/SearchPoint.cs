using System.Collections.ObjectModel;
using System.Globalization;

namespace CrossModalML.AutoML;

/// <summary>A point of a <see cref="SearchSpace"/>: a trainer and a value for each of its dimensions (hyperparameters and featurizer settings).</summary>
/// <remarks>Immutable; equality compares the trainer and every value, so a tuner can tell a repeated proposal.</remarks>
public sealed record SearchPoint
{
    /// <summary>Creates a point.</summary>
    /// <param name="trainerName">The trainer.</param>
    /// <param name="values">Dimension name to value.</param>
    public SearchPoint(string trainerName, IReadOnlyDictionary<string, double> values)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(trainerName);
        ArgumentNullException.ThrowIfNull(values);
        TrainerName = trainerName;
        Values = new ReadOnlyDictionary<string, double>(new SortedDictionary<string, double>(values.ToDictionary(v => v.Key, v => v.Value), StringComparer.Ordinal));
    }

    /// <summary>The trainer.</summary>
    public string TrainerName { get; }

    /// <summary>Dimension name to value, sorted by name.</summary>
    public IReadOnlyDictionary<string, double> Values { get; }

    /// <inheritdoc />
    public bool Equals(SearchPoint? other) =>
        other is not null && TrainerName == other.TrainerName && Values.Count == other.Values.Count &&
        Values.All(v => other.Values.TryGetValue(v.Key, out var o) && o.Equals(v.Value));

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(TrainerName);
        foreach (var (key, value) in Values)
        {
            hash.Add(key);
            hash.Add(value);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{TrainerName}({string.Join(", ", Values.Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Key}={v.Value:G4}")))})";
}
