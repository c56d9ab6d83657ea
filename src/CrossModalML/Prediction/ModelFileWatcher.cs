namespace CrossModalML.Prediction;

/// <summary>Calls back once a model file has changed and then stayed quiet for a while.</summary>
/// <remarks>Watches the file's directory rather than the file, because writers replace model zips by renaming a
/// temporary file over them (as <see cref="Packaging.ModelPackage.Save"/> does), which a watch on the file itself
/// would miss. Every burst of events restarts the quiet period, so a file still being copied is not read. The
/// callback runs on a thread-pool thread and may start again while an earlier run is still going,
/// so the caller serializes the work it does.</remarks>
internal sealed class ModelFileWatcher : IDisposable
{
    private readonly string _fullPath;
    private readonly TimeSpan _quietPeriod;
    private readonly FileSystemWatcher _watcher;
    private readonly Timer _timer;

    public ModelFileWatcher(string fullPath, TimeSpan quietPeriod, Action onChanged)
    {
        _fullPath = fullPath;
        _quietPeriod = quietPeriod;
        _timer = new Timer(_ => onChanged(), null, Timeout.Infinite, Timeout.Infinite);
        _watcher = new FileSystemWatcher(Path.GetDirectoryName(fullPath)!)
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        _watcher.Changed += OnEvent;
        _watcher.Created += OnEvent;
        _watcher.Renamed += OnEvent;
        _watcher.EnableRaisingEvents = true;
    }

    public void Dispose()
    {
        _watcher.Dispose();
        _timer.Dispose();
    }

    private void OnEvent(object sender, FileSystemEventArgs e)
    {
        var samePath = OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        if (string.Equals(e.FullPath, _fullPath, samePath))
        {
            // A one-shot timer re-armed on every event: it fires once, after the last event of a burst.
            _timer.Change(_quietPeriod, Timeout.InfiniteTimeSpan);
        }
    }
}
