using System.Globalization;
using CrossModalML.Featurization;

namespace CrossModalML.Cli.Rendering;

/// <summary>Shows the pretrained encoders' counts (<see cref="EncodingProgress"/>) with <see cref="CountProgress"/>, one
/// per encoder pass, and ends each pass with a line saying how many inputs were encoded and how many came from the cache.</summary>
/// <remarks>Reports arrive on the thread doing the work, in order per encoder. Not thread-safe.</remarks>
internal sealed class EncodingLines : IProgress<EncodingProgress>
{
    private readonly Dictionary<string, CountProgress> _passes = new(StringComparer.Ordinal);
    private readonly string _indent;

    /// <summary>Creates the lines; <paramref name="indent"/> goes before each.</summary>
    public EncodingLines(string indent = "") => _indent = indent;

    /// <inheritdoc />
    public void Report(EncodingProgress value)
    {
        if (!_passes.TryGetValue(value.Encoder, out var pass) || value.Done == 0)
        {
            pass?.Finish(null);
            pass = new CountProgress($"{value.Encoder} inputs encoded", _indent);
            _passes[value.Encoder] = pass;
        }

        pass.Update(value.Done, value.Total);
        if (value.IsComplete)
        {
            pass.Finish(string.Create(
                CultureInfo.InvariantCulture,
                $"{value.Encoder}: {value.Total:N0} inputs encoded, {value.CacheHits:N0} of them from the cache"));
            _passes.Remove(value.Encoder);
        }
    }
}
