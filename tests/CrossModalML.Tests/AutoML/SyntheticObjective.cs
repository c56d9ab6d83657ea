using CrossModalML.AutoML;
using CrossModalML.Featurization;
using CrossModalML.Evaluation;

namespace CrossModalML.Tests.AutoML;

/// <summary>A quadratic bowl over log-scaled ranges whose cost grows with the tree count, with a known optimum.</summary>
internal static class SyntheticObjective
{
    public const string Trainer = "Bowl";

    public static SearchSpace Space { get; } = new(
        [
            new TrainerSearchSpace(Trainer,
            [
                new HyperparameterRange("Alpha", 1e-4, 1e2, 1e-4, logScale: true),
                new HyperparameterRange("Beta", 1e-3, 1e3, 1, logScale: true),
                new HyperparameterRange("Trees", 4, 4096, 4, logScale: true, isInteger: true, costRelated: true),
            ]),
        ],
        []);

    /// <summary>Zero at Alpha = 0.1, Beta = 30, Trees = 256.</summary>
    public static double Loss(SearchPoint point) =>
        Square(Math.Log10(point.Values["Alpha"]) + 1) +
        Square(Math.Log10(point.Values["Beta"]) - Math.Log10(30)) +
        Square((Math.Log2(point.Values["Trees"]) - 8) / 3);

    public static double Cost(SearchPoint point) => point.Values["Trees"] / 4;

    /// <summary>Runs a tuner for a number of proposals and returns the best loss and the total cost.</summary>
    public static (double BestLoss, double TotalCost) Minimise(ITuner tuner, int proposals)
    {
        double best = double.PositiveInfinity, cost = 0;
        for (int i = 0; i < proposals; i++)
        {
            var point = tuner.Propose();
            double loss = Loss(point);
            best = Math.Min(best, loss);
            cost += Cost(point);
            tuner.Update(Result(i + 1, point, loss, Cost(point)));
        }

        return (best, cost);
    }

    public static TrialResult Result(int number, SearchPoint point, double loss, double cost, SearchSpace? space = null) => new()
    {
        Number = number,
        Point = point,
        Configuration = TrialConfiguration.FromPoint(space ?? Space, point, new FeaturizerOptions()),
        Status = double.IsFinite(loss) ? TrialStatus.Completed : TrialStatus.Failed,
        Metric = AutoMLMetric.Rmse,
        Score = loss,
        Loss = loss,
        Cost = cost,
    };

    private static double Square(double x) => x * x;
}
