namespace CrossModalML.Analysis.Explanations;

/// <summary>Settings of a <see cref="ModelExplainer"/>.</summary>
public sealed class ExplainerOptions
{
    /// <summary>How many times each modality or column is permuted; the drops are averaged. Default 3.</summary>
    public int Repeats { get; set; } = 3;

    /// <summary>Seed of the permutations and of the row sample. Default 1.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>At most this many posts are permuted for a global explanation: a larger data set is sampled (seeded by
    /// <see cref="Seed"/>, rows kept in file order). <see langword="null"/> (the default) uses every post.</summary>
    public int? MaxRows { get; set; }
}
