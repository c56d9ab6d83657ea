namespace CrossModalML.Benchmarks;

/// <summary>One scoring thread's timed span (Stopwatch timestamps), its scheduler times over it and the bytes it allocated.</summary>
internal readonly record struct ThreadRun(long Start, long End, SchedulerStats? Scheduler, long AllocatedBytes);
