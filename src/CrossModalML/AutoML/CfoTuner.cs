namespace CrossModalML.AutoML;

/// <summary>Cost-frugal optimisation: a randomized direct search per trainer that starts at the cheap point and grows
/// cost only where it improves the score, plus a cost-aware choice of which trainer to try next.</summary>
/// <remarks>
/// <para><b>Within a trainer</b> (CFO, Wu, Wang and Huang, AAAI 2021): from the incumbent x, draw a direction u
/// uniformly on the unit sphere of the trainer's unit cube and try x + δu; if it is not better, try x − δu. A better
/// point becomes the incumbent. After <c>min(2^(d−1), 8)</c> consecutive failed direction pairs δ halves (the cap keeps
/// the step adaptive within the small budgets AutoML runs with); when δ falls below a floor the search restarts from
/// a random perturbation of the cheap starting point with the initial δ = 0.2·√d. Because the search moves in small steps
/// from the low-cost start, expensive regions (many trees, many iterations) are reached only when the path to them
/// keeps improving.</para>
/// <para><b>Across trainers</b> (ECI, from FLAML, Wang et al., MLSys 2021): every trainer's starting point is tried once, in
/// the space's order; after that, each trainer's estimated cost for improvement is computed from its observed costs and
/// best loss — the cost it has spent since its last improvement, and for a trainer behind the leader the gap divided by
/// its observed improvement speed (or twice its total spend when it never improved) — and the next trainer is drawn with
/// probability proportional to 1/ECI.</para>
/// <para>A proposal that repeats an evaluated point (integer rounding makes this common) is not returned: its known loss is
/// fed back at no cost and the search moves on. Deterministic for a seed and a sequence of results; not thread-safe.</para>
/// </remarks>
internal sealed class CfoTuner : ITuner
{
    private const int MaxFailureLimit = 8;
    private const double InitialStepPerRootDimension = 0.2;
    private const double StepFloor = 0.02;
    private const int MaxSkippedProposals = 1_000;

    private readonly SearchSpace _space;
    private readonly Random _random;
    private readonly TrainerState[] _trainers;
    private readonly Dictionary<SearchPoint, double> _evaluated = [];
    private (TrainerState Trainer, SearchPoint Point, double[] Unit, MoveKind Kind)? _pending;

    /// <summary>Creates a tuner over a space.</summary>
    /// <param name="space">The search space.</param>
    /// <param name="seed">Seed of the tuner's random choices.</param>
    public CfoTuner(SearchSpace space, int seed)
    {
        ArgumentNullException.ThrowIfNull(space);
        _space = space;
        _random = new Random(seed);
        _trainers = space.Trainers.Select(t => new TrainerState(t.TrainerName, space.Dimensions(t.TrainerName), space.ToUnit(space.StartPoint(t.TrainerName)))).ToArray();
    }

    /// <inheritdoc />
    public SearchPoint Propose()
    {
        if (_pending is not null)
        {
            throw new InvalidOperationException("Propose was called twice without an Update; report the last proposal's result first.");
        }

        for (int attempt = 0; attempt < MaxSkippedProposals; attempt++)
        {
            var trainer = ChooseTrainer();
            var (unit, kind) = trainer.Next(_random);
            var point = _space.FromUnit(trainer.Name, unit);
            if (_evaluated.TryGetValue(point, out var knownLoss))
            {
                // Snap the coordinates to the evaluated point so the incumbent is where its loss was measured.
                trainer.Record(kind, _space.ToUnit(point), knownLoss, cost: 0, _random);
                continue;
            }

            _pending = (trainer, point, unit, kind);
            return point;
        }

        // Every nearby point is known: fall back to a uniformly random point, which is almost surely new.
        var fallback = _trainers[_random.Next(_trainers.Length)];
        var randomUnit = Enumerable.Range(0, fallback.Dimensions).Select(_ => _random.NextDouble()).ToArray();
        var randomPoint = _space.FromUnit(fallback.Name, randomUnit);
        _pending = (fallback, randomPoint, randomUnit, MoveKind.Restart);
        return randomPoint;
    }

    /// <inheritdoc />
    public void Update(TrialResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (_pending is not { } pending || !pending.Point.Equals(result.Point))
        {
            throw new InvalidOperationException($"Update got a result for {result.Point}, which is not the pending proposal; call Update once after each Propose.");
        }

        _pending = null;
        double loss = double.IsNaN(result.Loss) ? double.PositiveInfinity : result.Loss;
        _evaluated[pending.Point] = loss;
        pending.Trainer.Record(pending.Kind, _space.ToUnit(pending.Point), loss, Math.Max(0, result.Cost), _random);
    }

    private TrainerState ChooseTrainer()
    {
        var unstarted = _trainers.FirstOrDefault(t => !t.Started);
        if (unstarted is not null)
        {
            return unstarted;
        }

        double globalBest = _trainers.Min(t => t.BestLoss);
        if (double.IsPositiveInfinity(globalBest))
        {
            return _trainers[_random.Next(_trainers.Length)];
        }

        double smallestCost = _trainers.Select(t => t.TotalCost).Where(c => c > 0).DefaultIfEmpty(1).Min();
        var weights = _trainers.Select(t => 1 / Math.Max(EstimatedCostForImprovement(t, globalBest, smallestCost), 1e-9)).ToArray();
        double draw = _random.NextDouble() * weights.Sum();
        for (int i = 0; i < weights.Length; i++)
        {
            draw -= weights[i];
            if (draw <= 0)
            {
                return _trainers[i];
            }
        }

        return _trainers[^1];
    }

    private static double EstimatedCostForImprovement(TrainerState t, double globalBest, double smallestCost)
    {
        if (double.IsPositiveInfinity(t.BestLoss))
        {
            // Nothing has worked yet: likely too slow or broken, so make it less attractive with every failure.
            return 4 * Math.Max(t.TotalCost, smallestCost) * t.Trials;
        }

        double sinceImprovement = Math.Max(t.TotalCost - t.CostAtBest, t.LastCost);
        if (t.BestLoss <= globalBest)
        {
            return sinceImprovement;
        }

        double gap = t.BestLoss - globalBest;
        double improvement = t.FirstLoss - t.BestLoss;
        double costOfImprovement = t.CostAtBest - t.CostAtFirst;
        double toCloseGap = improvement > 0 && costOfImprovement > 0 ? gap / (improvement / costOfImprovement) : 2 * t.TotalCost;
        return Math.Max(sinceImprovement, toCloseGap);
    }

    private enum MoveKind
    {
        Start,
        Restart,
        Forward,
        Mirror,
    }

    /// <summary>One trainer's local search and its cost bookkeeping.</summary>
    private sealed class TrainerState
    {
        private readonly double[] _start;
        private readonly double _initialStep;
        private readonly int _failureLimit;
        private double[]? _incumbent;
        private double _incumbentLoss = double.PositiveInfinity;
        private double[]? _direction;
        private bool _mirrorNext;
        private double[]? _restartAt;
        private double _step;
        private int _failures;

        public TrainerState(string name, IReadOnlyList<HyperparameterRange> dimensions, double[] start)
        {
            Name = name;
            Dimensions = dimensions.Count;
            _start = start;
            _initialStep = InitialStepPerRootDimension * Math.Sqrt(Math.Max(1, Dimensions));
            _step = _initialStep;
            _failureLimit = Math.Min(MaxFailureLimit, 1 << Math.Clamp(Dimensions - 1, 0, 30));
        }

        public string Name { get; }

        public int Dimensions { get; }

        public bool Started => _incumbent is not null;

        public int Trials { get; private set; }

        public double TotalCost { get; private set; }

        public double LastCost { get; private set; }

        public double BestLoss { get; private set; } = double.PositiveInfinity;

        public double CostAtBest { get; private set; }

        public double FirstLoss { get; private set; } = double.PositiveInfinity;

        public double CostAtFirst { get; private set; }

        public (double[] Unit, MoveKind Kind) Next(Random random)
        {
            if (_incumbent is null)
            {
                return ((double[])_start.Clone(), MoveKind.Start);
            }

            if (_restartAt is not null)
            {
                return (_restartAt, MoveKind.Restart);
            }

            if (_mirrorNext && _direction is not null)
            {
                return (Move(_incumbent, _direction, -_step), MoveKind.Mirror);
            }

            _direction = RandomUnitVector(random, Dimensions);
            return (Move(_incumbent, _direction, _step), MoveKind.Forward);
        }

        public void Record(MoveKind kind, double[] unit, double loss, double cost, Random random)
        {
            Trials++;
            TotalCost += cost;
            LastCost = cost;
            if (double.IsFinite(loss) && double.IsPositiveInfinity(FirstLoss))
            {
                FirstLoss = loss;
                CostAtFirst = TotalCost;
            }

            if (loss < BestLoss)
            {
                BestLoss = loss;
                CostAtBest = TotalCost;
            }

            switch (kind)
            {
                case MoveKind.Start:
                case MoveKind.Restart:
                    _incumbent = unit;
                    _incumbentLoss = loss;
                    _restartAt = null;
                    _direction = null;
                    _mirrorNext = false;
                    break;
                case MoveKind.Forward when loss < _incumbentLoss:
                case MoveKind.Mirror when loss < _incumbentLoss:
                    _incumbent = unit;
                    _incumbentLoss = loss;
                    _direction = null;
                    _mirrorNext = false;
                    _failures = 0;
                    break;
                case MoveKind.Forward:
                    _mirrorNext = true;
                    break;
                default:
                    _mirrorNext = false;
                    _direction = null;
                    Fail(random);
                    break;
            }
        }

        private void Fail(Random random)
        {
            if (++_failures < _failureLimit)
            {
                return;
            }

            _failures = 0;
            _step /= 2;
            if (_step < StepFloor)
            {
                // Converged locally: restart near the cheap start so that the search stays frugal, with a random offset so it explores a new basin.
                _restartAt = Move(_start, RandomUnitVector(random, Dimensions), _initialStep * random.NextDouble());
                _step = _initialStep;
            }
        }

        private static double[] Move(double[] from, double[] direction, double step) =>
            from.Select((x, i) => Math.Clamp(x + step * direction[i], 0, 1)).ToArray();

        private static double[] RandomUnitVector(Random random, int dimensions)
        {
            var v = new double[dimensions];
            double norm = 0;
            while (norm < 1e-12)
            {
                norm = 0;
                for (int i = 0; i < dimensions; i++)
                {
                    // Box–Muller: normal draws make the direction uniform on the sphere.
                    double u1 = 1 - random.NextDouble(), u2 = random.NextDouble();
                    v[i] = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
                    norm += v[i] * v[i];
                }

                if (dimensions == 0)
                {
                    return v;
                }
            }

            norm = Math.Sqrt(norm);
            return v.Select(x => x / norm).ToArray();
        }
    }
}
