using System.Collections.Concurrent;
using CrossModalML.Data;
using CrossModalML.Packaging;
using CrossModalML.Privacy;
using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CrossModalML.Prediction;

/// <summary>One loaded model zip with everything derived from it: the scoring schema, the engine pool and the typed-input maps.</summary>
/// <remarks>
/// Reference-counted so that a hot reload can retire it while calls are still running on it: the predictor holds one
/// reference, each call another; the last <see cref="Release"/> disposes the pool and the model (and with it the ONNX
/// session). Thread-safe.
/// </remarks>
internal sealed class ModelGeneration
{
    private readonly ObjectPool<ScoringEngine> _pool;
    private readonly ConcurrentDictionary<Type, TypedPostMap> _typedMaps = new();
    private readonly Dictionary<string, ScoringColumn> _exactNames;
    private readonly Dictionary<string, ScoringColumn> _foldedNames;
    private int _references = 1;

    private ModelGeneration(MLContext context, ModelPackage package, UserIdHasher? userIds, int maximumPooledEngines, long version)
    {
        Version = version;
        Context = context;
        Package = package;
        UserIds = userIds;

        // The model reads what a scoring load writes: every column but the label and ignored ones, numbers as floats.
        Columns = package.Manifest.Columns
            .Where(c => c.Role is not (ColumnRole.Label or ColumnRole.Ignore))
            .Select((c, i) => new ScoringColumn(c.Name, c.Role, i))
            .ToArray();
        var builder = new DataViewSchema.Builder();
        foreach (var column in Columns)
        {
            builder.AddColumn(column.Name, column.IsNumber ? NumberDataViewType.Single : TextDataViewType.Instance);
        }

        InputSchema = builder.ToSchema();
        _exactNames = Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        _foldedNames = new Dictionary<string, ScoringColumn>(StringComparer.OrdinalIgnoreCase);
        foreach (var column in Columns)
        {
            _foldedNames.TryAdd(column.Name, column);
        }

        _pool = new DefaultObjectPoolProvider { MaximumRetained = maximumPooledEngines }
            .Create(new ScoringEnginePolicy(package.Model, InputSchema, package.Manifest.Task, package.Manifest.Tasks, package.Manifest.Decision().InModel));

        // Building one engine now surfaces a model that cannot score single rows at load time, not on the first call.
        _pool.Return(_pool.Get());
    }

    /// <summary>The predictor's <see cref="CrossModalPredictor.ModelVersion"/> while this generation serves.</summary>
    public long Version { get; }

    public MLContext Context { get; }

    public ModelPackage Package { get; }

    public ModelManifest Manifest => Package.Manifest;

    /// <summary>The model's user-id salt; <c>null</c> for zips saved before models carried one.</summary>
    public UserIdHasher? UserIds { get; }

    public IReadOnlyList<ScoringColumn> Columns { get; }

    public DataViewSchema InputSchema { get; }

    public static ModelGeneration Load(string path, int seed, int maximumPooledEngines, long version)
    {
        var context = new MLContext(seed);
        var package = ModelPackage.Load(context, path);
        try
        {
            return new ModelGeneration(context, package, UserIdHasher.ReadFrom(path), maximumPooledEngines, version);
        }
        catch (Exception ex) when (ex is not (ModelPackageException or OperationCanceledException))
        {
            // The manifest and the ML.NET chain loaded, yet the salt entry or the first scoring engine failed: the zip
            // is damaged in a part only these read.
            package.Dispose();
            throw new ModelPackageException(
                $"'{path}' loaded, but it cannot score posts: {ModelPackage.Describe(ex)} The zip may be damaged or edited; use the file as saved by CrossModalML.", ex);
        }
        catch
        {
            package.Dispose();
            throw;
        }
    }

    public ScoringColumn? FindColumn(string name) =>
        _exactNames.TryGetValue(name, out var exact) ? exact : _foldedNames.GetValueOrDefault(name);

    public TypedPostMap TypedMap(Type type) => _typedMaps.GetOrAdd(type, t => TypedPostMap.Build(t, Columns));

    public ScoringEngine RentEngine() => _pool.Get();

    public void ReturnEngine(ScoringEngine engine) => _pool.Return(engine);

    /// <summary>Takes a reference; fails once the generation has been fully released.</summary>
    public bool TryAcquire()
    {
        while (true)
        {
            int current = Volatile.Read(ref _references);
            if (current == 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _references, current + 1, current) == current)
            {
                return true;
            }
        }
    }

    /// <summary>Drops a reference; the last one disposes the engines and the model.</summary>
    public void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0)
        {
            (_pool as IDisposable)?.Dispose();
            Package.Dispose();
        }
    }
}
