namespace CrossModalML.AutoML;

/// <summary>Uniform random search: a random trainer and a uniformly random point of its unit cube (so log-scaled
/// ranges are sampled log-uniformly). The baseline <see cref="CfoTuner"/> is measured against.</summary>
/// <remarks>Ignores results except to check the call order. Deterministic for a seed; not thread-safe.</remarks>
internal sealed class RandomTuner : ITuner
{
    private readonly SearchSpace _space;
    private readonly Random _random;
    private SearchPoint? _pending;

    /// <summary>Creates a tuner over a space.</summary>
    /// <param name="space">The search space.</param>
    /// <param name="seed">Seed of the random draws.</param>
    public RandomTuner(SearchSpace space, int seed)
    {
        ArgumentNullException.ThrowIfNull(space);
        _space = space;
        _random = new Random(seed);
    }

    /// <inheritdoc />
    public SearchPoint Propose()
    {
        if (_pending is not null)
        {
            throw new InvalidOperationException("Propose was called twice without an Update; report the last proposal's result first.");
        }

        var trainer = _space.Trainers[_random.Next(_space.Trainers.Count)].TrainerName;
        var unit = _space.Dimensions(trainer).Select(_ => _random.NextDouble()).ToArray();
        _pending = _space.FromUnit(trainer, unit);
        return _pending;
    }

    /// <inheritdoc />
    public void Update(TrialResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (_pending is null || !_pending.Equals(result.Point))
        {
            throw new InvalidOperationException($"Update got a result for {result.Point}, which is not the pending proposal; call Update once after each Propose.");
        }

        _pending = null;
    }
}
