namespace CrossModalML.Benchmarks;

/// <summary>Everything recorded over the timed calls of one scorer at one thread count (all rounds pooled).</summary>
internal sealed class Measurement
{
    private readonly List<double> _microseconds = [];

    public TimeSpan Wall { get; private set; }

    /// <summary>Summed over the scoring threads: their time on a CPU, and runnable but waiting for one (Linux only).</summary>
    public SchedulerStats? Scheduler { get; private set; } = new SchedulerStats(TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>Summed wall time of the scoring threads, from each one's first call to its last.</summary>
    public TimeSpan ThreadWall { get; private set; }

    public long AllocatedBytes { get; private set; }

    /// <summary>Methods the JIT compiled while the clock ran, on any thread; non-zero means warm-up was too short.</summary>
    public long MethodsCompiled { get; private set; }

    public int Gen0Collections { get; private set; }

    public TimeSpan GcPause { get; private set; }

    public int Calls => _microseconds.Count;

    public double PostsPerSecond => Calls / Wall.TotalSeconds;

    public double Percentile(double p)
    {
        _microseconds.Sort();
        return _microseconds[Math.Min(_microseconds.Count - 1, (int)Math.Ceiling(p * _microseconds.Count) - 1)];
    }

    public double CpuMicrosecondsPerCall => Scheduler is { } s ? s.OnCpu.TotalMicroseconds / Calls : double.NaN;

    /// <summary>Share of the scoring threads' wall time spent waiting for a core that something else held.</summary>
    public double WaitingShare => Scheduler is { } s ? s.WaitingForCpu / ThreadWall : double.NaN;

    public double BytesPerCall => (double)AllocatedBytes / Calls;

    public void Add(IEnumerable<double> microseconds, TimeSpan wall, TimeSpan threadWall, SchedulerStats? scheduler, long allocatedBytes,
        long methodsCompiled, int gen0Collections, TimeSpan gcPause)
    {
        _microseconds.AddRange(microseconds);
        Wall += wall;
        ThreadWall += threadWall;
        Scheduler = Scheduler is { } total && scheduler is { } more ? total + more : null;
        AllocatedBytes += allocatedBytes;
        MethodsCompiled += methodsCompiled;
        Gen0Collections += gen0Collections;
        GcPause += gcPause;
    }
}
