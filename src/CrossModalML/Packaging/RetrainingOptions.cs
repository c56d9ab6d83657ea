using CrossModalML.Data;

namespace CrossModalML.Packaging;

/// <summary>Settings of <see cref="ModelRetrainer"/>. Everything else (column roles, featurizer, trainer and
/// hyperparameters) comes from the old model's manifest, unless <see cref="Search"/> asks for a new search.</summary>
public sealed class RetrainingOptions
{
    /// <summary>The ONNX image encoder file. Required exactly when the old model used one (its bytes must hash to the
    /// manifest's SHA-256); must be <see langword="null"/> otherwise.</summary>
    public string? ImageModelPath { get; set; }

    /// <summary>The word-vector model file. Required exactly when the old model used one (its bytes, and those of the
    /// vocabulary beside it, must hash to the manifest's SHA-256); must be <see langword="null"/> otherwise.</summary>
    public string? WordVectorModelPath { get; set; }

    /// <summary>Where the pretrained encoders keep their encodings; <c>null</c> (default) for
    /// <see cref="Featurization.EncoderCacheOptions.Default"/>.</summary>
    public Featurization.EncoderCacheOptions? EncoderCache { get; set; }

    /// <summary>Share of the new rows held out to compare the old and new model. Default 0.2.</summary>
    public double TestFraction { get; set; } = 0.2;

    /// <summary>Seed of the split and the fit; <see langword="null"/> (the default) uses the old model's seed.</summary>
    public int? Seed { get; set; }

    /// <summary>When set, the AutoML search runs again on the new data (outside the comparison hold-out) and the winner
    /// replaces the old trainer, hyperparameters and n-gram settings; the new manifest records that search. Default
    /// <see langword="null"/>: refit the recorded trainer and hyperparameters.</summary>
    public RetrainingSearchOptions? Search { get; set; }

    /// <summary>How the new data file is read (format, quoting, strict images); its label, task and overrides are not used.</summary>
    public PostLoadOptions? Load { get; set; }
}
