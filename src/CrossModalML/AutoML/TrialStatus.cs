namespace CrossModalML.AutoML;

/// <summary>Where a trial stands.</summary>
public enum TrialStatus
{
    /// <summary>Started and not finished (reported once through progress before the trial runs).</summary>
    Running = 0,

    /// <summary>Finished with a score.</summary>
    Completed,

    /// <summary>Threw; <see cref="TrialResult.Message"/> says why.</summary>
    Failed,

    /// <summary>Exceeded its time limit and was abandoned.</summary>
    TimedOut,
}
