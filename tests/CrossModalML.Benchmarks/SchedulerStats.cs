namespace CrossModalML.Benchmarks;

/// <summary>The calling thread's time on a CPU and time spent runnable but waiting for one, from Linux's
/// <c>/proc/thread-self/schedstat</c>; <see langword="null"/> where that file does not exist.</summary>
/// <remarks>Waiting time is what other processes on a shared machine take from the benchmark: a thread that could run
/// but finds both cores busy. Time that is neither (a thread blocked on a lock, or done early) is the rest of its wall.</remarks>
internal readonly record struct SchedulerStats(TimeSpan OnCpu, TimeSpan WaitingForCpu)
{
    private const string Path = "/proc/thread-self/schedstat";

    public static SchedulerStats? ReadCurrentThread()
    {
        if (!File.Exists(Path))
        {
            return null;
        }

        // Three fields: nanoseconds on a CPU, nanoseconds waiting on a run queue, time slices.
        var fields = File.ReadAllText(Path).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return new SchedulerStats(TimeSpan.FromTicks(long.Parse(fields[0]) / 100), TimeSpan.FromTicks(long.Parse(fields[1]) / 100));
    }

    public static SchedulerStats operator -(SchedulerStats end, SchedulerStats start) =>
        new(end.OnCpu - start.OnCpu, end.WaitingForCpu - start.WaitingForCpu);

    public static SchedulerStats operator +(SchedulerStats a, SchedulerStats b) =>
        new(a.OnCpu + b.OnCpu, a.WaitingForCpu + b.WaitingForCpu);
}
