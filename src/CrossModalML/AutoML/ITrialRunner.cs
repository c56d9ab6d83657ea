using CrossModalML.Training;
using CrossModalML.Featurization;
using CrossModalML.Evaluation;

namespace CrossModalML.AutoML;

/// <summary>Evaluates one configuration: fits it on training folds and scores it on the held-out rows.</summary>
/// <remarks>
/// <para>The experiment calls <see cref="Prepare"/> (shared, untimed work such as featurizing the data for a featurizer
/// choice) and then <see cref="Run"/> on a worker thread with the trial's time limit. When the limit passes, the
/// experiment cancels <see cref="Run"/>'s token and abandons the call: ML.NET fits cannot be interrupted, so an
/// abandoned call may keep running while the next trial starts. Implementations must therefore allow
/// <see cref="Run"/> to be called while an earlier call is still running.</para>
/// </remarks>
public interface ITrialRunner
{
    /// <summary>Does the shared work a featurizer choice needs before its trials can run, once per choice; later calls
    /// with the same choice return at once. The time spent counts against the search budget, not a trial's limit.</summary>
    /// <param name="featurizer">The featurizer choice the next trial uses.</param>
    /// <param name="cancellationToken">Stops the work (checked between steps).</param>
    void Prepare(FeaturizerChoice featurizer, CancellationToken cancellationToken);

    /// <summary>Fits and scores a configuration.</summary>
    /// <param name="configuration">The trainer and featurizer choice.</param>
    /// <param name="cancellationToken">Cancelled when the trial times out or the search is cancelled; checked between fits.</param>
    /// <returns>The metrics of each fold (one entry for a hold-out).</returns>
    /// <exception cref="Exception">Any failure; the experiment records the trial as <see cref="TrialStatus.Failed"/> with the message.</exception>
    IReadOnlyList<EvaluationMetrics> Run(TrialConfiguration configuration, CancellationToken cancellationToken);
}
