namespace CrossModalML.Packaging;

/// <summary>Why a search ended.</summary>
public enum SearchStopReason
{
    /// <summary>The maximum number of trials ran.</summary>
    MaxTrials = 0,

    /// <summary>The time budget was used up.</summary>
    TimeBudget,

    /// <summary>The caller cancelled; the result holds the best trial so far.</summary>
    Cancelled,

    /// <summary>The process's managed memory passed <c>AutoMLExperimentOptions.MemoryLimitBytes</c>; the result holds
    /// the best trial so far.</summary>
    MemoryLimit,
}
