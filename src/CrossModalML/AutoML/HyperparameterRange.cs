using CrossModalML.Training;
using CrossModalML.Featurization;
using System.Globalization;

namespace CrossModalML.AutoML;

/// <summary>One searchable dimension: a named numeric range with its scale, integer flag and cheap starting value.</summary>
/// <remarks>
/// <para>Tuners work in a unit cube: <see cref="ToUnit"/> maps a value to [0, 1] (logarithmically when
/// <see cref="LogScale"/> is set, so that 0.001→0.01 is as big a step as 1→10) and <see cref="FromUnit"/> maps back,
/// clamping and rounding integers. A boolean or two-way choice is an integer range 0–1.</para>
/// <para><see cref="CostRelated"/> marks dimensions whose growth makes a fit slower (trees, leaves, iterations); the
/// cheap <see cref="Start"/> sits at their low end, which is what lets a cost-frugal search begin cheaply.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
internal sealed record HyperparameterRange
{
    /// <summary>Creates a range.</summary>
    /// <param name="name">The hyperparameter's name, as <see cref="TrainerFactory"/> or <see cref="FeaturizerChoice"/> reads it.</param>
    /// <param name="min">The smallest value.</param>
    /// <param name="max">The largest value; equal to <paramref name="min"/> for a fixed value.</param>
    /// <param name="start">The starting value, inside the range.</param>
    /// <param name="logScale">Whether the range is searched on a log scale; then <paramref name="min"/> must be positive.</param>
    /// <param name="isInteger">Whether values are rounded to integers.</param>
    /// <param name="costRelated">Whether larger values make a trial slower.</param>
    /// <exception cref="ArgumentException">The bounds are not finite, reversed, non-positive on a log scale, or the start lies outside them.</exception>
    public HyperparameterRange(string name, double min, double max, double start, bool logScale = false, bool isInteger = false, bool costRelated = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!double.IsFinite(min) || !double.IsFinite(max) || min > max)
        {
            throw new ArgumentException($"Range '{name}' has bounds [{min}, {max}]; they must be finite with min ≤ max.", nameof(max));
        }

        if (logScale && min <= 0)
        {
            throw new ArgumentException($"Range '{name}' is log-scaled but its minimum is {min}; a log scale needs a positive minimum.", nameof(min));
        }

        if (!(start >= min && start <= max))
        {
            throw new ArgumentException($"Range '{name}' starts at {start}, outside its bounds [{min}, {max}].", nameof(start));
        }

        Name = name;
        Min = min;
        Max = max;
        Start = start;
        LogScale = logScale;
        IsInteger = isInteger;
        CostRelated = costRelated;
    }

    /// <summary>The hyperparameter's name.</summary>
    public string Name { get; }

    /// <summary>The smallest value.</summary>
    public double Min { get; }

    /// <summary>The largest value.</summary>
    public double Max { get; }

    /// <summary>The cheap starting value.</summary>
    public double Start { get; }

    /// <summary>Whether the range is searched on a log scale.</summary>
    public bool LogScale { get; }

    /// <summary>Whether values are integers.</summary>
    public bool IsInteger { get; }

    /// <summary>Whether larger values make a trial slower.</summary>
    public bool CostRelated { get; }

    /// <summary>Maps a value to [0, 1]; values outside the range are clamped first. A fixed range maps to 0.</summary>
    /// <param name="value">A value of this hyperparameter.</param>
    public double ToUnit(double value)
    {
        if (Max == Min)
        {
            return 0;
        }

        double v = Math.Clamp(value, Min, Max);
        return LogScale
            ? (Math.Log(v) - Math.Log(Min)) / (Math.Log(Max) - Math.Log(Min))
            : (v - Min) / (Max - Min);
    }

    /// <summary>Maps a unit coordinate back to a value: clamped to [0, 1], then to the range, then rounded if integer.</summary>
    /// <param name="unit">A coordinate, usually in [0, 1].</param>
    public double FromUnit(double unit)
    {
        double u = double.IsNaN(unit) ? 0 : Math.Clamp(unit, 0, 1);
        double value = LogScale
            ? Math.Exp(Math.Log(Min) + u * (Math.Log(Max) - Math.Log(Min)))
            : Min + u * (Max - Min);
        value = Math.Clamp(value, Min, Max);
        return IsInteger ? Math.Clamp(Math.Round(value, MidpointRounding.AwayFromZero), Math.Ceiling(Min), Math.Floor(Max)) : value;
    }

    /// <summary>The smallest unit step that can change an integer value (1 / the number of integers in the range on a linear
    /// scale; the step between the two largest integers on a log scale); 0 for continuous ranges.</summary>
    public double UnitResolution =>
        !IsInteger || Max == Min ? 0
        : LogScale ? ToUnit(Max) - ToUnit(Math.Max(Min, Max - 1))
        : 1 / (Max - Min);

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Name} in [{Min:G4}, {Max:G4}]{(LogScale ? " log" : string.Empty)}{(IsInteger ? " int" : string.Empty)}, start {Start:G4}");
}
