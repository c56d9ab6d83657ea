using CrossModalML.Data;
using CrossModalML.Featurization;

namespace CrossModalML.Retraining;

/// <summary>Settings of <see cref="ModelRetrainer"/>. Everything else (column roles, featurizer, trainer and
/// hyperparameters) comes from the old model's manifest, unless <see cref="Search"/> asks for a new search.</summary>
public sealed class RetrainingOptions
{
    /// <summary>The ONNX image encoder file. Required exactly when the old model used one (its bytes must hash to the
    /// manifest's SHA-256); must be <see langword="null"/> otherwise.</summary>
    public string? ImageModelPath { get; set; }

    /// <summary>The word-vector model file. Required exactly when the old model used one (its bytes, and those of its
    /// vocabulary, must hash to the manifest's SHA-256); must be <see langword="null"/> otherwise.</summary>
    public string? WordVectorModelPath { get; set; }

    /// <summary>The word-vector model's vocabulary file; its bytes must hash to the manifest's SHA-256. <see langword="null"/>
    /// (default) looks beside <see cref="WordVectorModelPath"/> for the file name the manifest records, then for
    /// <c>vocab.txt</c>. Only for a model that used word vectors.</summary>
    public string? WordVectorVocabularyPath { get; set; }

    /// <summary>Where the pretrained encoders keep their encodings; <c>null</c> (default) for
    /// <see cref="Featurization.EncoderCacheOptions.Default"/>.</summary>
    public Featurization.EncoderCacheOptions? EncoderCache { get; set; }

    /// <summary>Receives counts of featurization (inputs each pretrained encoder has encoded, rows featurized) while the new model is fitted
    /// (<see cref="Featurization.FeaturizerOptions.Progress"/>); <c>null</c> (default) for none.</summary>
    public IProgress<Featurization.FeaturizationProgress>? FeaturizationProgress { get; set; }

    /// <summary>Share of the new rows held out to compare the old and new model. Default 0.2.</summary>
    public double TestFraction { get; set; } = 0.2;

    /// <summary>Seed of the split and the fit; <see langword="null"/> (the default) uses the old model's seed.</summary>
    public int? Seed { get; set; }

    /// <summary>When set, the AutoML search runs again on the new data (outside the comparison hold-out) and the winner
    /// replaces the old trainer, hyperparameters and n-gram settings; the new manifest records that search. Default
    /// <see langword="null"/>: refit the recorded trainer and hyperparameters.</summary>
    public RetrainingSearchOptions? Search { get; set; }

    /// <summary>A file of older labelled posts (for example the old model's training data) to train on together with the
    /// new posts. The comparison hold-out is still drawn from the new posts only, and old rows equal to a hold-out row are
    /// left out, so neither model is scored on a row the new one trained on. Default <see langword="null"/>: new posts only.</summary>
    public string? OldDataPath { get; set; }

    /// <summary>When the new model scores worse than the old one on the shared hold-out, save a copy of the old model as
    /// the output instead (<see cref="RetrainingResult.KeptOldModel"/> says so) and skip the final refit. Default
    /// <see langword="false"/>: the new model is saved whatever its score.</summary>
    public bool KeepBetter { get; set; }

    /// <summary>How the new data file is read (format, quoting, strict images), and <see cref="OldDataPath"/> likewise; its label, task and overrides are not used.</summary>
    public PostLoadOptions? Load { get; set; }

    /// <summary>A shallow copy with another seed, so a caller's options are not changed.</summary>
    internal RetrainingOptions WithSeed(int seed)
    {
        var copy = (RetrainingOptions)MemberwiseClone();
        copy.Seed = seed;
        return copy;
    }
}
