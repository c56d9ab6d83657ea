using CrossModalML.Data;
using CrossModalML.Featurization;
using CrossModalML.Packaging;

namespace CrossModalML.MultiTask;

/// <summary>Decides whether the main head stacks the auxiliary outputs: both versions are fitted on a stratified 80% of the
/// training rows and scored on the other 20%.</summary>
internal sealed class StackingDecider
{
    private const double ValidationFraction = 0.2;

    private readonly StackingMode _mode;
    private readonly int _seed;
    private readonly TaskSet _tasks;
    private readonly HeadFitter _heads;
    private readonly CancellationToken _cancellationToken;

    /// <param name="mode">Off, on, or decided by the validation score.</param>
    /// <param name="seed">Seed of the validation split.</param>
    /// <param name="tasks">The tasks.</param>
    /// <param name="heads">Fits the heads being compared.</param>
    /// <param name="cancellationToken">Checked before the comparison.</param>
    public StackingDecider(StackingMode mode, int seed, TaskSet tasks, HeadFitter heads, CancellationToken cancellationToken)
    {
        _mode = mode;
        _seed = seed;
        _tasks = tasks;
        _heads = heads;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Compares the plain and the stacked main head on a validation part of <paramref name="rows"/>.</summary>
    /// <param name="trainers">Each task's trainer.</param>
    /// <param name="features">The rows' shared features, aligned with <paramref name="rows"/>.</param>
    /// <param name="rows">The training rows.</param>
    public StackingDecision Decide(IReadOnlyDictionary<string, TrainerSpec> trainers, FeatureMatrix features, IReadOnlyList<int> rows)
    {
        var mainLabels = _heads.Labels[_tasks.Main];
        string metric = mainLabels.PrimaryMetricName;
        if (_tasks.Auxiliary.Count == 0 || _mode == StackingMode.Off)
        {
            return new StackingDecision(_mode, false, metric, null, null, 0, "stacking is off: no head reads another task's predictions");
        }

        _cancellationToken.ThrowIfCancellationRequested();
        var inner = DataSplitter.StratifiedHoldOut(mainLabels.TextsOf(rows), ValidationFraction, _seed);
        var innerTrain = inner.Train.Select(p => rows[p]).ToList();
        var innerTest = inner.Test.Select(p => rows[p]).ToList();
        var trainFeatures = features.Select(inner.Train);
        var testFeatures = features.Select(inner.Test);
        var plain = _heads.Fit(trainers, stacked: false, trainFeatures, innerTrain);
        var stacked = plain with
        {
            Heads = new Dictionary<string, Microsoft.ML.ITransformer>(plain.Heads)
            {
                [_tasks.Main] = _heads.FitMain(trainers, trainFeatures, innerTrain, _heads.OutOfFold(trainers, trainFeatures, innerTrain)),
            },
            Stacked = true,
        };
        double plainScore = _heads.Score(plain, testFeatures, innerTest)[_tasks.Main].Primary;
        double stackedScore = _heads.Score(stacked, testFeatures, innerTest)[_tasks.Main].Primary;
        bool better = mainLabels.Kind == TaskKind.Regression ? stackedScore < plainScore : stackedScore > plainScore;
        bool used = _mode == StackingMode.On || better;
        string comparison = FormattableString.Invariant($"{metric} {stackedScore:0.0000} stacked vs {plainScore:0.0000} plain on {innerTest.Count:N0} validation rows of the training data");
        string reason = _mode == StackingMode.On
            ? $"stacking was forced on ({comparison})"
            : better ? $"stacking helped: {comparison}" : $"stacking did not help: {comparison}; the main head reads no other task's predictions";
        return new StackingDecision(_mode, used, metric, plainScore, stackedScore, innerTest.Count, reason);
    }
}
