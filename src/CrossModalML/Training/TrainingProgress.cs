namespace CrossModalML.Training;

/// <summary>A step of a training run, reported through <see cref="IProgress{T}"/>.</summary>
/// <param name="Step">1-based number of the step starting now.</param>
/// <param name="TotalSteps">Number of steps in the run.</param>
/// <param name="Description">What the step does, e.g. "fold 2 of 5" or "refit on all 2,500 rows".</param>
public sealed record TrainingProgress(int Step, int TotalSteps, string Description);
