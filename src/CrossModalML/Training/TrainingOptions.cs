using CrossModalML.Featurization;
using CrossModalML.Training.Fusion;
using CrossModalML.Evaluation;
using CrossModalML.Packaging;

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

    /// <summary>Early fusion (one model on all features), late fusion (one model per modality and a stacker over their
    /// scores) or <see cref="FusionKind.Auto"/> (both, keep the better on out-of-fold validation). Late fusion is for
    /// classification and needs two modalities with features. Default <see cref="FusionKind.Early"/>.</summary>
    public FusionKind Fusion { get; set; } = FusionKind.Early;

    /// <summary>Folds of the out-of-fold predictions on the training rows that train the late-fusion stacker, compare the
    /// fusions and tune the threshold (grouped by <see cref="EvaluationOptions.GroupColumn"/> when set, at most one fold
    /// per group). Each costs one more fit per modality. Default 5.</summary>
    public int StackingFolds { get; set; } = 5;

    /// <summary>Binary tasks: choose the decision threshold that maximises <see cref="Objective"/> on out-of-fold
    /// predictions of the training rows, instead of 0.5; the manifest records it and the predictor applies it. Default off.</summary>
    public bool TuneDecisionThreshold { get; set; }

    /// <summary>Classification: repeat random minority-class rows in every fit's training rows until the classes are
    /// balanced; evaluation and validation rows are never over-sampled. Default off.</summary>
    public bool OverSampling { get; set; }

    /// <summary>What <see cref="FusionKind.Auto"/> and threshold tuning maximise. Default <see cref="ClassificationObjective.MacroF1"/>.</summary>
    public ClassificationObjective Objective { get; set; } = ClassificationObjective.MacroF1;

    /// <summary>Checks the settings that need no data (evaluation, stacking folds), so a bad one fails before a data set
    /// is loaded; <see cref="CrossModalTrainer.Train"/> calls it first too.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names the property, e.g. <c>TrainingOptions.Evaluation.Folds</c>.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Evaluation, nameof(Evaluation));
        ArgumentNullException.ThrowIfNull(Featurizer, nameof(Featurizer));
        Evaluation.Validate($"{nameof(TrainingOptions)}.{nameof(Evaluation)}");
        if (StackingFolds < 2)
        {
            throw new ArgumentOutOfRangeException(
                nameof(StackingFolds), StackingFolds, $"TrainingOptions.StackingFolds must be at least 2 (the out-of-fold predictions need 2 or more folds), e.g. 5; got {StackingFolds}.");
        }

        if (Fusion != FusionKind.Early && Evaluation.TimeColumn is { } timeColumn)
        {
            throw new ArgumentException(
                $"Late fusion learns its stacker from out-of-fold scores of every training row, but with a time split by '{timeColumn}' (TrainingOptions.Evaluation.TimeColumn) " +
                "the inner folds chain forward in time and never score the earliest rows. Use TrainingOptions.Fusion = FusionKind.Early, or split without time.");
        }
    }

    /// <summary>A shallow copy with another seed, so a caller's options are not changed.</summary>
    internal TrainingOptions WithSeed(int seed)
    {
        var copy = (TrainingOptions)MemberwiseClone();
        copy.Seed = seed;
        return copy;
    }
}
