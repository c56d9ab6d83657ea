namespace CrossModalML.AutoML;

/// <summary>Proposes the next point to try and learns from each finished trial.</summary>
/// <remarks>
/// Calls alternate: <see cref="Propose"/>, then <see cref="Update"/> with that proposal's result. Implementations are
/// deterministic for a seed given the same sequence of results, and are not thread-safe.
/// </remarks>
internal interface ITuner
{
    /// <summary>The next point to evaluate.</summary>
    SearchPoint Propose();

    /// <summary>Feeds back the result of the last proposal.</summary>
    /// <param name="result">The finished trial; <see cref="TrialResult.Loss"/> (lower is better, +∞ for a failed or
    /// timed-out trial) and <see cref="TrialResult.Cost"/> are what tuners read.</param>
    /// <exception cref="InvalidOperationException">The result is not for the last proposal.</exception>
    void Update(TrialResult result);
}
