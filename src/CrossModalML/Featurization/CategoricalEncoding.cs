namespace CrossModalML.Featurization;

/// <summary>How categorical columns become numbers.</summary>
public enum CategoricalEncoding
{
    /// <summary>One indicator per value seen in training (unseen values are all zeros).</summary>
    OneHot = 0,

    /// <summary>Values hashed into 2^<see cref="MetadataFeaturizerOptions.HashBits"/> indicators: bounded size for many values.</summary>
    Hash,
}
