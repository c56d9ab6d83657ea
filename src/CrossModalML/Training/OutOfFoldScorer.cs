using CrossModalML.Data;
using Microsoft.ML;

namespace CrossModalML.Training;

/// <summary>Out-of-fold scoring: over a set of folds, a model is fitted on each fold's training rows and scores the fold's
/// held-out rows, so every held-out row gets an output from a model that never saw it. Every out-of-fold loop of the
/// toolkit runs here: the stacker inputs and validation of late fusion, the out-of-fold probabilities an AutoML ensemble
/// is selected from, and the auxiliary outputs a stacked multi-task head learns from.</summary>
/// <remarks>Folds run in order, one after another, so fits in a shared <see cref="MLContext"/> draw from its random state
/// in the same order on every run. Not thread-safe; the callbacks may keep state of their own (fold metrics, say).</remarks>
internal sealed class OutOfFoldScorer
{
    private readonly int _rowCount;

    /// <summary>Creates a scorer over folds of <paramref name="rowCount"/> rows.</summary>
    /// <param name="splits">The folds; their row indices are below <paramref name="rowCount"/>.</param>
    /// <param name="rowCount">How many rows the outputs are placed among.</param>
    public OutOfFoldScorer(IReadOnlyList<DataSplit> splits, int rowCount)
    {
        Splits = splits;
        _rowCount = rowCount;
    }

    /// <summary>The folds, in the order they run.</summary>
    public IReadOnlyList<DataSplit> Splits { get; }

    /// <summary>Runs every fold and places each held-out row's output at its row index.</summary>
    /// <typeparam name="TOutput">What a fold gives each of its held-out rows.</typeparam>
    /// <param name="scoreFold">Given the fold's number (0-based) and its split, fits on the training rows and returns one
    /// output per held-out row, in <see cref="DataSplit.Test"/> order.</param>
    /// <param name="cancellationToken">Checked before every fold.</param>
    /// <returns>One output per row; the default for rows no fold held out (the training part of a hold-out).</returns>
    /// <exception cref="InvalidOperationException">A fold returned a different number of outputs than it has held-out rows.</exception>
    public TOutput?[] Score<TOutput>(Func<int, DataSplit, IReadOnlyList<TOutput>> scoreFold, CancellationToken cancellationToken)
    {
        var result = new TOutput?[_rowCount];
        for (int fold = 0; fold < Splits.Count; fold++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var split = Splits[fold];
            var outputs = scoreFold(fold, split);
            if (outputs.Count != split.Test.Count)
            {
                throw new InvalidOperationException($"Fold {fold + 1} gave {outputs.Count} outputs for {split.Test.Count} held-out rows.");
            }

            for (int i = 0; i < split.Test.Count; i++)
            {
                result[split.Test[i]] = outputs[i];
            }
        }

        return result;
    }

    /// <summary>Runs every fold with one model per fold: fit on the training rows, score a view of the held-out rows, read
    /// the scored view.</summary>
    /// <typeparam name="TOutput">What a fold gives each of its held-out rows.</typeparam>
    /// <param name="fit">Given the fold's number and its training rows, the fitted model.</param>
    /// <param name="view">Given held-out rows, the view the model scores.</param>
    /// <param name="read">Given the scored view and its rows, one output per row.</param>
    /// <param name="cancellationToken">Checked before every fold and between fitting and scoring.</param>
    public TOutput?[] Score<TOutput>(
        Func<int, IReadOnlyList<int>, ITransformer> fit,
        Func<IReadOnlyList<int>, IDataView> view,
        Func<IDataView, IReadOnlyList<int>, IReadOnlyList<TOutput>> read,
        CancellationToken cancellationToken) =>
        Score((fold, split) =>
        {
            var model = fit(fold, split.Train);
            cancellationToken.ThrowIfCancellationRequested();
            return read(model.Transform(view(split.Test)), split.Test);
        }, cancellationToken);
}
