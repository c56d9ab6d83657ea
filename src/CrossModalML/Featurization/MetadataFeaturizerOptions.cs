namespace CrossModalML.Featurization;

/// <summary>Settings of the metadata featurizer (numeric, categorical and timestamp columns).</summary>
public sealed class MetadataFeaturizerOptions
{
    /// <summary>Categorical encoding. Default <see cref="CategoricalEncoding.OneHot"/>.</summary>
    public CategoricalEncoding Categorical { get; set; } = CategoricalEncoding.OneHot;

    /// <summary>Bits for <see cref="CategoricalEncoding.Hash"/>. Default 10 (1,024 slots).</summary>
    public int HashBits { get; set; } = 10;

    /// <summary>Whether numbers are compressed with sign(x)·log(1+|x|) first: counts such as likes are heavy-tailed. Default true.</summary>
    public bool LogScaleNumbers { get; set; } = true;
}
