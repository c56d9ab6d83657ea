namespace CrossModalML.Prediction;

/// <summary>Settings of a <see cref="CrossModalPredictor"/>.</summary>
public sealed class PredictorOptions
{
    /// <summary>Directory that relative image paths in posts given as dictionaries are resolved against.
    /// Default: the current directory at load time.</summary>
    public string? ImageBaseDirectory { get; set; }

    /// <summary>Seed of the predictor's ML.NET context. Scoring is deterministic regardless; default 1.</summary>
    public int Seed { get; set; } = 1;
}
