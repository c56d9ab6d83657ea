using CrossModalML.AutoML;
using CrossModalML.Data;
using CrossModalML.Training;
using CrossModalML.Featurization;
using CrossModalML.Evaluation;

namespace CrossModalML.Tests.AutoML;

/// <summary>A trial runner that scores configurations with a function instead of training.</summary>
internal sealed class FakeTrialRunner(Func<TrialConfiguration, CancellationToken, double> score) : ITrialRunner
{
    private int _runs;

    public int Runs => _runs;

    /// <summary>Macro-F1 from the synthetic bowl: 1 at the optimum, falling with the loss.</summary>
    public static FakeTrialRunner Bowl() => new((c, _) => 1 / (1 + SyntheticObjective.Loss(Point(c))));

    public void Prepare(FeaturizerChoice featurizer, CancellationToken cancellationToken)
    {
    }

    public IReadOnlyList<EvaluationMetrics> Run(TrialConfiguration configuration, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _runs);
        double value = score(configuration, cancellationToken);
        return [Fold(value), Fold(value - 0.01), Fold(value + 0.01)];
    }

    public static SearchPoint Point(TrialConfiguration configuration) => new(configuration.Trainer.Name, configuration.Trainer.Parameters);

    private static EvaluationMetrics Fold(double macroF1) => new() { Task = TaskKind.Binary, Count = 10, MacroF1 = macroF1, Accuracy = macroF1 };
}
