using CrossModalML.AutoML;

namespace CrossModalML.Tests.AutoML;

[TestClass]
public sealed class CfoTunerTests
{
    private const int Proposals = 60;

    [TestMethod]
    public void Cfo_gets_near_the_optimum_of_a_log_scaled_bowl()
    {
        var (best, _) = SyntheticObjective.Minimise(new CfoTuner(SyntheticObjective.Space, seed: 1), Proposals);

        // The start (Alpha = 1e-4, Beta = 1, Trees = 4) has loss 13.3; within 0.25 means every coordinate is close.
        Assert.IsLessThan(0.25, best, $"best loss {best:0.000} after {Proposals} proposals");
    }

    [TestMethod]
    public void Cfo_beats_random_search_on_average_over_seeds()
    {
        double cfo = 0, random = 0;
        for (int seed = 1; seed <= 20; seed++)
        {
            cfo += SyntheticObjective.Minimise(new CfoTuner(SyntheticObjective.Space, seed), Proposals).BestLoss;
            random += SyntheticObjective.Minimise(new RandomTuner(SyntheticObjective.Space, seed), Proposals).BestLoss;
        }

        Assert.IsLessThan(random / 20, cfo / 20, $"mean best loss: CFO {cfo / 20:0.000}, random {random / 20:0.000}");
    }

    [TestMethod]
    public void Cfo_starts_at_the_cheap_point()
    {
        var first = new CfoTuner(SyntheticObjective.Space, seed: 3).Propose();
        Assert.AreEqual(SyntheticObjective.Space.StartPoint(SyntheticObjective.Trainer), first);
    }

    [TestMethod]
    public void The_same_seed_proposes_the_same_sequence()
    {
        static List<SearchPoint> Run(int seed)
        {
            var tuner = new CfoTuner(SyntheticObjective.Space, seed);
            var points = new List<SearchPoint>();
            for (int i = 0; i < 25; i++)
            {
                var point = tuner.Propose();
                points.Add(point);
                tuner.Update(SyntheticObjective.Result(i + 1, point, SyntheticObjective.Loss(point), 1));
            }

            return points;
        }

        CollectionAssert.AreEqual(Run(5), Run(5));
    }

    [TestMethod]
    public void Cfo_never_proposes_a_point_twice()
    {
        var tuner = new CfoTuner(SyntheticObjective.Space, seed: 2);
        var seen = new HashSet<SearchPoint>();
        for (int i = 0; i < 80; i++)
        {
            var point = tuner.Propose();
            Assert.IsTrue(seen.Add(point), $"proposal {i + 1} repeats {point}");
            tuner.Update(SyntheticObjective.Result(i + 1, point, SyntheticObjective.Loss(point), 1));
        }
    }

    [TestMethod]
    public void Eci_spends_more_trials_on_the_trainer_that_is_cheap_and_good()
    {
        var space = new SearchSpace(
            [
                new TrainerSearchSpace("Good", [new HyperparameterRange("X", 0.01, 100, 1, logScale: true)]),
                new TrainerSearchSpace("Bad", [new HyperparameterRange("X", 0.01, 100, 1, logScale: true)]),
            ],
            []);
        var tuner = new CfoTuner(space, seed: 1);
        var counts = new Dictionary<string, int> { ["Good"] = 0, ["Bad"] = 0 };
        for (int i = 0; i < 40; i++)
        {
            var point = tuner.Propose();
            counts[point.TrainerName]++;
            double x = Math.Log10(point.Values["X"]);
            double loss = point.TrainerName == "Good" ? x * x : 5 + x * x;
            tuner.Update(SyntheticObjective.Result(i + 1, point, loss, point.TrainerName == "Good" ? 1 : 10, space));
        }

        Assert.IsGreaterThan(counts["Bad"] * 2, counts["Good"], $"Good {counts["Good"]} trials, Bad {counts["Bad"]}");
    }

    [TestMethod]
    public void Update_without_a_matching_proposal_is_an_error()
    {
        var tuner = new CfoTuner(SyntheticObjective.Space, seed: 1);
        var point = SyntheticObjective.Space.StartPoint(SyntheticObjective.Trainer);
        Assert.ThrowsExactly<InvalidOperationException>(() => tuner.Update(SyntheticObjective.Result(1, point, 1, 1)));
    }
}
