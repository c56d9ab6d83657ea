namespace CrossModalML.Prediction;

/// <summary>One call's hold on a model generation and, when it scores a single post, on one pooled engine.</summary>
/// <remarks>Not thread-safe: a lease belongs to the call that took it. Disposing it returns the engine to its pool and
/// releases the generation, which a reload may have retired meanwhile; disposing twice does nothing.</remarks>
internal sealed class ModelLease : IDisposable
{
    private ModelGeneration? _generation;
    private ScoringEngine? _engine;

    public ModelLease(ModelGeneration generation) => _generation = generation;

    public ModelGeneration Generation => _generation ?? throw new ObjectDisposedException(nameof(ModelLease));

    /// <summary>An engine of this generation, rented from its pool on first use.</summary>
    public ScoringEngine Engine => _engine ??= Generation.RentEngine();

    public void Dispose()
    {
        var generation = _generation;
        if (generation is null)
        {
            return;
        }

        _generation = null;
        if (_engine is { } engine)
        {
            _engine = null;
            generation.ReturnEngine(engine);
        }

        generation.Release();
    }
}
