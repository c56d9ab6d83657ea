using CrossModalML.Packaging;

namespace CrossModalML.Prediction;

/// <summary>Serves one model file: hands out leases on the loaded model and swaps in a fresh load on <see cref="Reload"/>.</summary>
/// <remarks>Thread-safe. A lease holds its <see cref="ModelGeneration"/> until disposed, so a reload or
/// <see cref="Dispose"/> never disposes a model a call is still using: the old generation goes when its last lease
/// does. Reloads are serialised; calls never wait for one.</remarks>
internal sealed class ModelHost : IDisposable
{
    private static readonly string OwnerName = typeof(CrossModalPredictor).FullName!;

    private readonly string _modelPath;
    private readonly int _seed;
    private readonly int _maximumPooledEngines;
    private readonly object _reloadLock = new();
    private ModelGeneration _current;
    private long _version = 1;
    private volatile bool _disposed;

    private ModelHost(string modelPath, int seed, int maximumPooledEngines, ModelGeneration first)
    {
        _modelPath = modelPath;
        _seed = seed;
        _maximumPooledEngines = maximumPooledEngines;
        _current = first;
    }

    /// <summary>The current model's manifest.</summary>
    public ModelManifest Manifest => Volatile.Read(ref _current).Manifest;

    /// <summary>1 for the first load, incremented by each successful reload.</summary>
    public long Version => Interlocked.Read(ref _version);

    public bool IsDisposed => _disposed;

    /// <summary>Loads the model file as version 1.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ModelPackageException">The file is not a loadable model.</exception>
    public static ModelHost Load(string fullPath, int seed, int maximumPooledEngines) =>
        new(fullPath, seed, maximumPooledEngines, ModelGeneration.Load(fullPath, seed, maximumPooledEngines, version: 1));

    /// <summary>A lease on the current model; dispose it to let a retired model go.</summary>
    /// <exception cref="ObjectDisposedException">The host is disposed.</exception>
    public ModelLease Acquire()
    {
        while (true)
        {
            ThrowIfDisposed();
            var generation = Volatile.Read(ref _current);
            if (generation.TryAcquire())
            {
                return new ModelLease(generation);
            }

            // The generation was retired between the read and the acquire: a reload has already published its successor.
        }
    }

    public void ThrowIfDisposed()
    {
        if (_disposed)
        {
            throw new ObjectDisposedException(OwnerName);
        }
    }

    /// <summary>Loads the model file again and swaps it in; leases already taken finish on the old model.</summary>
    /// <exception cref="FileNotFoundException">The file no longer exists; the old model stays in service.</exception>
    /// <exception cref="ModelPackageException">The file is not a loadable model; the old model stays in service.</exception>
    public void Reload()
    {
        ThrowIfDisposed();
        lock (_reloadLock)
        {
            var fresh = ModelGeneration.Load(_modelPath, _seed, _maximumPooledEngines, Interlocked.Read(ref _version) + 1);
            if (_disposed)
            {
                fresh.Release();
                throw new ObjectDisposedException(nameof(CrossModalPredictor));
            }

            var old = Interlocked.Exchange(ref _current, fresh);
            Interlocked.Exchange(ref _version, fresh.Version);
            old.Release();
        }
    }

    /// <summary>Refuses new leases and releases the model once the last lease is disposed; a second call does nothing.</summary>
    public void Dispose()
    {
        lock (_reloadLock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        Volatile.Read(ref _current).Release();
    }
}
