namespace CrossModalML.Analysis.Patterns;

/// <summary>Settings of <see cref="InteractionGraph.Build"/>.</summary>
public sealed class InteractionGraphOptions
{
    /// <summary>PageRank damping factor (probability of following an edge rather than jumping). Default 0.85.</summary>
    public double Damping { get; set; } = 0.85;

    /// <summary>
    /// Modularity resolution γ of the community search: above 1 favours more, smaller communities, below 1 fewer,
    /// larger ones. Default 1 (classic modularity).
    /// </summary>
    public double Resolution { get; set; } = 1.0;

    internal void Validate()
    {
        if (Damping is <= 0 or >= 1 || !double.IsFinite(Damping))
        {
            throw new ArgumentOutOfRangeException(nameof(Damping), Damping, "The PageRank damping factor must lie strictly between 0 and 1 (0.85 is usual).");
        }

        if (Resolution <= 0 || !double.IsFinite(Resolution))
        {
            throw new ArgumentOutOfRangeException(nameof(Resolution), Resolution, "The modularity resolution must be a positive number (1 is classic modularity).");
        }
    }
}
