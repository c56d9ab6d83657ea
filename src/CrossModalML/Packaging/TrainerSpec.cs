using System.Collections.ObjectModel;
using System.Text.Json.Serialization;

namespace CrossModalML.Packaging;

/// <summary>A trainer and its hyperparameters, as data: the unit that AutoML proposes and a manifest records.</summary>
/// <remarks>
/// <see cref="Name"/> is one of the names in <see cref="TrainerNames"/>. <see cref="Parameters"/> maps hyperparameter
/// names (see <c>TrainerFactory</c>) to values; a hyperparameter that is absent takes ML.NET's default.
/// </remarks>
public sealed record TrainerSpec
{
    /// <summary>Creates a trainer specification.</summary>
    /// <param name="name">A trainer name from <see cref="TrainerNames"/>.</param>
    /// <param name="parameters">Hyperparameters by name; <c>null</c> for ML.NET's defaults.</param>
    [JsonConstructor]
    public TrainerSpec(string name, IReadOnlyDictionary<string, double>? parameters = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Parameters = new ReadOnlyDictionary<string, double>(
            new SortedDictionary<string, double>(
                parameters?.ToDictionary(p => p.Key, p => p.Value) ?? new Dictionary<string, double>(),
                StringComparer.Ordinal));
    }

    /// <summary>The trainer's name, one of <see cref="TrainerNames"/>.</summary>
    public string Name { get; }

    /// <summary>Hyperparameters by name, sorted by name.</summary>
    public IReadOnlyDictionary<string, double> Parameters { get; }

    /// <summary>Returns the value of a hyperparameter, or <c>null</c> when it is not set.</summary>
    /// <param name="name">The hyperparameter's name.</param>
    public double? Get(string name) => Parameters.TryGetValue(name, out var value) ? value : null;

    /// <inheritdoc />
    public bool Equals(TrainerSpec? other) =>
        other is not null && Name == other.Name && Parameters.Count == other.Parameters.Count &&
        Parameters.All(p => other.Parameters.TryGetValue(p.Key, out var v) && v.Equals(p.Value));

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Name);
        foreach (var (key, value) in Parameters)
        {
            hash.Add(key);
            hash.Add(value);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() =>
        Parameters.Count == 0
            ? Name
            : $"{Name}({string.Join(", ", Parameters.Select(p => FormattableString.Invariant($"{p.Key}={p.Value:G6}")))})";
}
