using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrossModalML.Execution;

/// <summary>A kind of work with typed items and results, which travel as JSON when they leave the process.</summary>
/// <typeparam name="TItem">A self-contained description of one piece of work: everything a worker on another machine
/// needs, paths included (which must then name files every worker can see).</typeparam>
/// <typeparam name="TResult">What one item gives.</typeparam>
/// <remarks>Floats round-trip exactly through the encoding (NaN and infinities included), so a result computed on a
/// worker equals the one computed here.</remarks>
public abstract class WorkJob<TItem, TResult> : IWorkJob
{
    private static readonly JsonSerializerOptions Json = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        IncludeFields = true,
    };

    /// <inheritdoc />
    public abstract string Name { get; }

    /// <summary>Runs one item in this process.</summary>
    /// <param name="item">The item.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    public abstract TResult Run(TItem item, CancellationToken cancellationToken);

    /// <summary>The item as it travels to a worker.</summary>
    /// <param name="item">The item.</param>
    public byte[] EncodeItem(TItem item) => JsonSerializer.SerializeToUtf8Bytes(item, Json);

    /// <summary>A result as it came back from a worker.</summary>
    /// <param name="result">The bytes <see cref="IWorkJob.Run"/> returned.</param>
    public TResult DecodeResult(byte[] result) =>
        JsonSerializer.Deserialize<TResult>(result, Json) ?? throw new InvalidDataException($"Work job '{Name}' got an empty result.");

    /// <inheritdoc />
    public byte[] Run(byte[] item, CancellationToken cancellationToken)
    {
        var decoded = JsonSerializer.Deserialize<TItem>(item, Json) ?? throw new InvalidDataException($"Work job '{Name}' got an empty item.");
        return JsonSerializer.SerializeToUtf8Bytes(Run(decoded, cancellationToken), Json);
    }
}
