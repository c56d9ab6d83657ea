namespace CrossModalML.Cluster;

/// <summary>A work item failed on the cluster twice; <see cref="Exception.InnerException"/> is the second failure.</summary>
public sealed class WorkItemFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="job">The job's name.</param>
    /// <param name="index">The item's position in its run.</param>
    /// <param name="first">The first failure.</param>
    /// <param name="second">The failure of the retry.</param>
    public WorkItemFailedException(string job, int index, Exception first, Exception second)
        : base($"Item {index} of job '{job}' failed twice on the cluster: first {Describe(first)}; then {Describe(second)}.", second)
    {
        Job = job;
        Index = index;
        FirstFailure = first;
    }

    /// <summary>The job's name.</summary>
    public string Job { get; }

    /// <summary>The item's position in its run (0-based).</summary>
    public int Index { get; }

    /// <summary>What made the first attempt fail.</summary>
    public Exception FirstFailure { get; }

    private static string Describe(Exception ex) => $"{ex.GetType().Name}: {ex.Message}";
}
