namespace CrossModalML.Analysis.Explanations;

/// <summary>Settings of a <see cref="ModelExplainer"/>.</summary>
public sealed class ExplainerOptions
{
    /// <summary>How many times each modality or column is permuted; the drops are averaged. Default 3.</summary>
    public int Repeats { get; set; } = 3;

    /// <summary>Seed of the permutations. Default 1.</summary>
    public int Seed { get; set; } = 1;
}
