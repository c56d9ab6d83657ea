using CrossModalML.Data;
using CrossModalML.Evaluation;
using CrossModalML.Featurization;
using CrossModalML.Packaging;
using CrossModalML.Training;
using Microsoft.ML;

namespace CrossModalML.MultiTask;

/// <summary>Fits and scores the heads of every task on shared features of some rows (each head on its modalities' slots),
/// with class weights from the rows of the fit; the auxiliary outputs a stacked main head learns from are out-of-fold.</summary>
/// <remarks>Fits run one after another in <see cref="MLContext"/> order (auxiliary heads in task order, then the main head),
/// so a seed gives the same heads. Not thread-safe.</remarks>
internal sealed class HeadFitter
{
    private readonly MLContext _mlContext;
    private readonly TaskSet _tasks;
    private readonly int _outOfFoldFolds;
    private readonly int _seed;
    private readonly CancellationToken _cancellationToken;

    /// <param name="mlContext">The context heads are fitted in.</param>
    /// <param name="tasks">The tasks.</param>
    /// <param name="labels">Every task's labels, weighted by the rows the fits learn from.</param>
    /// <param name="inputs">Every task's part of the shared features, from the featurizer of these fits.</param>
    /// <param name="outOfFoldFolds">Folds of the out-of-fold auxiliary outputs (<see cref="MultiTaskOptions.OutOfFoldFolds"/>).</param>
    /// <param name="seed">Seed of the folds.</param>
    /// <param name="cancellationToken">Checked before every fit.</param>
    public HeadFitter(MLContext mlContext, TaskSet tasks, IReadOnlyDictionary<string, TaskLabels> labels, IReadOnlyDictionary<string, HeadInput> inputs, int outOfFoldFolds, int seed, CancellationToken cancellationToken)
    {
        _mlContext = mlContext;
        _tasks = tasks;
        Labels = labels;
        Inputs = inputs;
        _outOfFoldFolds = outOfFoldFolds;
        _seed = seed;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Every task's labels, weighted by the rows the fits learn from.</summary>
    public IReadOnlyDictionary<string, TaskLabels> Labels { get; }

    /// <summary>Every task's part of the shared features.</summary>
    public IReadOnlyDictionary<string, HeadInput> Inputs { get; }

    /// <summary>Fits every head on <paramref name="rows"/>; a stacked main head learns from out-of-fold auxiliary outputs.</summary>
    /// <param name="trainers">Each task's trainer.</param>
    /// <param name="stacked">Whether the main head reads the auxiliary outputs.</param>
    /// <param name="features">The rows' shared features, aligned with <paramref name="rows"/>.</param>
    /// <param name="rows">Row indices into the labels.</param>
    public FittedHeads Fit(IReadOnlyDictionary<string, TrainerSpec> trainers, bool stacked, FeatureMatrix features, IReadOnlyList<int> rows)
    {
        var heads = new Dictionary<string, ITransformer>(StringComparer.Ordinal);
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var label in _tasks.Auxiliary)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var view = HeadPipeline.View(_mlContext, Labels[label], Inputs[label], features, rows, null);
            heads[label] = HeadPipeline.Fit(_mlContext, Labels[label], trainers[label], view, stacked: false, Inputs[label]);
            outputs[label] = HeadPipeline.OutputColumn(Labels[label], heads[label].GetOutputSchema(view.Schema));
        }

        var outOfFold = stacked ? OutOfFold(trainers, features, rows) : null;
        _cancellationToken.ThrowIfCancellationRequested();
        heads[_tasks.Main] = FitMain(trainers, features, rows, outOfFold);
        return new FittedHeads(heads, outputs, stacked);
    }

    /// <summary>Fits the main head alone; stacked when <paramref name="auxiliary"/> is given.</summary>
    /// <param name="trainers">Each task's trainer.</param>
    /// <param name="features">The rows' shared features, aligned with <paramref name="rows"/>.</param>
    /// <param name="rows">Row indices into the labels.</param>
    /// <param name="auxiliary">The rows' auxiliary outputs (aligned), or <c>null</c>.</param>
    public ITransformer FitMain(IReadOnlyDictionary<string, TrainerSpec> trainers, FeatureMatrix features, IReadOnlyList<int> rows, IReadOnlyList<float[]>? auxiliary) =>
        HeadPipeline.Fit(_mlContext, Labels[_tasks.Main], trainers[_tasks.Main], HeadPipeline.View(_mlContext, Labels[_tasks.Main], Inputs[_tasks.Main], features, rows, auxiliary), stacked: auxiliary is not null, Inputs[_tasks.Main]);

    /// <summary>Every task's metrics on <paramref name="rows"/>; a stacked main head reads the auxiliary heads' real outputs.</summary>
    /// <param name="heads">The fitted heads.</param>
    /// <param name="features">The rows' shared features, aligned with <paramref name="rows"/>.</param>
    /// <param name="rows">Row indices into the labels.</param>
    public Dictionary<string, EvaluationMetrics> Score(FittedHeads heads, FeatureMatrix features, IReadOnlyList<int> rows)
    {
        var metrics = new Dictionary<string, EvaluationMetrics>(StringComparer.Ordinal);
        var auxiliary = rows.Select(_ => new List<float>()).ToArray();
        foreach (var label in _tasks.Auxiliary)
        {
            var scored = heads.Heads[label].Transform(HeadPipeline.View(_mlContext, Labels[label], Inputs[label], features, rows, null));
            metrics[label] = HeadPipeline.Evaluate(scored, Labels[label], rows);
            var outputs = ScoredOutput.ReadRaw(scored, heads.OutputColumns[label], Labels[label].OutputLength);
            for (int i = 0; i < rows.Count; i++)
            {
                auxiliary[i].AddRange(outputs[i]);
            }
        }

        var main = _tasks.Main;
        var view = HeadPipeline.View(_mlContext, Labels[main], Inputs[main], features, rows, heads.Stacked ? auxiliary.Select(a => a.ToArray()).ToList() : null);
        metrics[main] = HeadPipeline.Evaluate(heads.Heads[main].Transform(view), Labels[main], rows);
        return metrics;
    }

    /// <summary>Each row's auxiliary outputs from heads that never saw the row: k-fold over the rows, stratified by the main label.</summary>
    /// <param name="trainers">Each task's trainer.</param>
    /// <param name="features">The rows' shared features, aligned with <paramref name="rows"/>.</param>
    /// <param name="rows">Row indices into the labels.</param>
    public float[][] OutOfFold(IReadOnlyDictionary<string, TrainerSpec> trainers, FeatureMatrix features, IReadOnlyList<int> rows)
    {
        int folds = Math.Min(_outOfFoldFolds, rows.Count);
        var splits = DataSplitter.KFold(Labels[_tasks.Main].TextsOf(rows), folds, _seed);

        // Every fold fits all auxiliary heads before the next fold starts; the splits are over positions in rows.
        var outputs = new OutOfFoldScorer(splits, rows.Count).Score((_, fold) =>
        {
            var result = fold.Test.Select(_ => new float[_tasks.AuxiliaryLength]).ToArray();
            int offset = 0;
            foreach (var label in _tasks.Auxiliary)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var labels = Labels[label];
                var trainView = HeadPipeline.View(_mlContext, labels, Inputs[label], features.Select(fold.Train), fold.Train.Select(p => rows[p]).ToList(), null);
                var head = HeadPipeline.Fit(_mlContext, labels, trainers[label], trainView, stacked: false, Inputs[label]);
                var testRows = fold.Test.Select(p => rows[p]).ToList();
                var scored = head.Transform(HeadPipeline.View(_mlContext, labels, Inputs[label], features.Select(fold.Test), testRows, null));
                var headOutputs = ScoredOutput.ReadRaw(scored, HeadPipeline.OutputColumn(labels, scored.Schema), labels.OutputLength);
                for (int i = 0; i < fold.Test.Count; i++)
                {
                    Array.Copy(headOutputs[i], 0, result[i], offset, labels.OutputLength);
                }

                offset += labels.OutputLength;
            }

            return result;
        }, _cancellationToken);
        return outputs.Select(o => o!).ToArray();
    }
}
