namespace CrossModalML.Execution;

/// <summary>A kind of work as a remote worker sees it: a name, and a function from an encoded item to an encoded result.</summary>
/// <remarks>Implementations are stateless or thread-safe: a worker runs many items of one job at once.</remarks>
public interface IWorkJob
{
    /// <summary>The name a worker finds the job by; stable across versions of the toolkit.</summary>
    string Name { get; }

    /// <summary>Decodes an item, runs it and encodes its result.</summary>
    /// <param name="item">An item encoded by <see cref="WorkJob{TItem, TResult}.EncodeItem"/>.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <returns>The result, to be read with <see cref="WorkJob{TItem, TResult}.DecodeResult"/>.</returns>
    byte[] Run(byte[] item, CancellationToken cancellationToken);
}
