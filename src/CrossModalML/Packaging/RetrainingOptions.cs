using CrossModalML.Data;

namespace CrossModalML.Packaging;

/// <summary>Settings of <see cref="ModelRetrainer"/>. Everything else (column roles, featurizer, trainer and
/// hyperparameters) comes from the old model's manifest.</summary>
public sealed class RetrainingOptions
{
    /// <summary>The ONNX image encoder file. Required exactly when the old model used one (its bytes must hash to the
    /// manifest's SHA-256); must be <see langword="null"/> otherwise.</summary>
    public string? ImageModelPath { get; set; }

    /// <summary>Share of the new rows held out to compare the old and new model. Default 0.2.</summary>
    public double TestFraction { get; set; } = 0.2;

    /// <summary>Seed of the split and the fit; <see langword="null"/> (the default) uses the old model's seed.</summary>
    public int? Seed { get; set; }

    /// <summary>How the new data file is read (format, quoting, strict images); its label, task and overrides are not used.</summary>
    public PostLoadOptions? Load { get; set; }
}
