using CrossModalML.Featurization;

namespace CrossModalML.Training;

/// <summary>What <see cref="CrossModalTrainer"/> fits and how it evaluates it.</summary>
public sealed class TrainingOptions
{
    /// <summary>The trainer; <c>null</c> picks <see cref="TrainerFactory.Default"/> for the task.</summary>
    public TrainerSpec? Trainer { get; set; }

    /// <summary>Featurizer settings (modalities, text, image and metadata options).</summary>
    public FeaturizerOptions Featurizer { get; set; } = new();

    /// <summary>Evaluation settings, used when no separate test set is given.</summary>
    public EvaluationOptions Evaluation { get; set; } = new();

    /// <summary>Seed for splits and trainers. The same seed and data give the same model. Default 1.</summary>
    public int Seed { get; set; } = 1;
}
