namespace CrossModalML.Tests.TestSupport;

/// <summary>Reports on the calling thread, so a test sees every report before the call returns (the BCL's
/// <see cref="Progress{T}"/> posts reports to the thread pool).</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
