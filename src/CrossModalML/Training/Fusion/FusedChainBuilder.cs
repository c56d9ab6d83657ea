using CrossModalML.Data;
using CrossModalML.Evaluation;
using CrossModalML.Featurization;
using CrossModalML.Packaging;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CrossModalML.Training.Fusion;

/// <summary>Builds the saved chain of a fusion from models fitted on all training rows.</summary>
/// <remarks>Early fusion: featurizer → (normaliser) → trainer → (multiclass) key-to-text. Late fusion: featurizer → one
/// concatenation per modality → per modality: (normaliser) → trainer → score copied to
/// <see cref="FusionColumns.ModalityScore"/> → concatenation into <see cref="FusionColumns.StackerFeatures"/> → stacker →
/// (multiclass) key-to-text.</remarks>
internal sealed class FusedChainBuilder
{
    private readonly MLContext _mlContext;
    private readonly FusionTrainingSet _set;
    private readonly ITransformer _featurizer;
    private readonly IDataView _featurized;
    private readonly ITransformer? _modalityConcat;
    private readonly IReadOnlyList<Modality> _modalities;

    /// <param name="mlContext">The context the chain's steps are fitted in.</param>
    /// <param name="set">The training rows the final models are fitted on.</param>
    /// <param name="featurizer">The fitted featurizer.</param>
    /// <param name="featurized">The training rows through it.</param>
    /// <param name="modalityConcat">The fitted per-modality concatenations; <c>null</c> when late fusion is not fitted.</param>
    /// <param name="modalities">The modalities, in stacking order.</param>
    public FusedChainBuilder(MLContext mlContext, FusionTrainingSet set, ITransformer featurizer, IDataView featurized, ITransformer? modalityConcat, IReadOnlyList<Modality> modalities)
    {
        _mlContext = mlContext;
        _set = set;
        _featurizer = featurizer;
        _featurized = featurized;
        _modalityConcat = modalityConcat;
        _modalities = modalities;
    }

    /// <summary>Fits early fusion's model on all training rows and chains it.</summary>
    public ITransformer Early()
    {
        var parts = new List<ITransformer> { _featurizer };
        var learner = _set.FitLearner(ModelColumns.Features, _set.AllRows);
        parts.Add(learner);
        return Finish(parts, learner.Transform(_featurized));
    }

    /// <summary>Fits every modality's model on all training rows and chains them with the stacker.</summary>
    /// <param name="stacker">The stacker fitted on every row's out-of-fold scores.</param>
    /// <param name="cancellationToken">Checked before every modality's fit.</param>
    public ITransformer Late(ITransformer stacker, CancellationToken cancellationToken)
    {
        var concat = _modalityConcat ?? throw new InvalidOperationException("Late fusion's modality concatenations were not fitted.");
        var parts = new List<ITransformer> { _featurizer, concat };
        var current = concat.Transform(_featurized);
        foreach (var modality in _modalities)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var head = _set.FitLearner(FusionColumns.ModalityFeatures(modality), _set.AllRows);
            current = head.Transform(current);
            var copy = _mlContext.Transforms.CopyColumns(FusionColumns.ModalityScore(modality), ModelColumns.Score).Fit(current);
            current = copy.Transform(current);
            parts.Add(head);
            parts.Add(copy);
        }

        var stackConcat = _mlContext.Transforms.Concatenate(FusionColumns.StackerFeatures, _modalities.Select(FusionColumns.ModalityScore).ToArray()).Fit(current);
        current = stackConcat.Transform(current);
        parts.Add(stackConcat);
        parts.Add(stacker);
        return Finish(parts, stacker.Transform(current));
    }

    private ITransformer Finish(List<ITransformer> parts, IDataView current)
    {
        if (_set.Task == TaskKind.Multiclass)
        {
            parts.Add(_mlContext.Transforms.Conversion.MapKeyToValue(ModelColumns.PredictedLabel).Fit(current));
        }

        return new TransformerChain<ITransformer>(parts.ToArray());
    }
}
