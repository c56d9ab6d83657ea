using System.Globalization;
using CrossModalML.Featurization;

namespace CrossModalML.Cli.Rendering;

/// <summary>Shows featurization counts (<see cref="FeaturizationProgress"/>: inputs an encoder encoded, rows featurized)
/// with <see cref="CountProgress"/>, one per pass of each stage, and ends each encoder pass with a line saying how many
/// inputs were encoded and how many came from the cache.</summary>
/// <remarks>Reports arrive on the thread doing the work, in order per stage. Not thread-safe.</remarks>
internal sealed class FeaturizationLines : IProgress<FeaturizationProgress>
{
    private readonly Dictionary<string, CountProgress> _passes = new(StringComparer.Ordinal);
    private readonly string _indent;

    /// <summary>Creates the lines; <paramref name="indent"/> goes before each.</summary>
    public FeaturizationLines(string indent = "") => _indent = indent;

    /// <inheritdoc />
    public void Report(FeaturizationProgress value)
    {
        bool rows = value.Stage == FeaturizationProgress.Rows;
        if (!_passes.TryGetValue(value.Stage, out var pass) || value.Done == 0)
        {
            pass?.Finish(null);
            pass = new CountProgress(rows ? "rows featurized" : $"{value.Stage} inputs encoded", _indent);
            _passes[value.Stage] = pass;
        }

        pass.Update(value.Done, value.Total);
        if (value.IsComplete)
        {
            pass.Finish(rows
                ? null
                : string.Create(CultureInfo.InvariantCulture, $"{value.Stage}: {value.Total:N0} inputs encoded, {value.CacheHits:N0} of them from the cache"));
            _passes.Remove(value.Stage);
        }
    }
}
