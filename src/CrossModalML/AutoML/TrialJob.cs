using System.Text.Json;
using CrossModalML.Data;
using CrossModalML.Execution;

namespace CrossModalML.AutoML;

/// <summary>Evaluates one trial with a <see cref="CachedFeatureTrialRunner"/> of the worker's own.</summary>
/// <remarks>Posts loaded whole from a file travel as the file's path, load options and fingerprint, and the worker loads
/// them itself (checking the fingerprint); other posts travel in full. Paths under the client's data root arrive as
/// <c>data:</c> keys and are read from this worker's own data root. A worker keeps one runner per search (data fingerprint, featurizer and evaluation settings, seed), so each
/// featurizer choice of a search is featurized once per worker, however many of its trials the worker runs; the runners
/// of the last few searches are kept, older ones are dropped. A trial scores the same on any worker: the runner seeds
/// every fit with the search seed and splits the rows as the caller's runner does.</remarks>
internal sealed class TrialJob : WorkJob<TrialWork, TrialWorkResult>
{
    private const int SearchesKept = 2;

    private readonly Lock _lock = new();
    private readonly List<(string Key, Lazy<CachedFeatureTrialRunner> Runner)> _runners = [];

    public static TrialJob Instance { get; } = new();

    public override string Name => "crossmodal.trial";

    public override TrialWorkResult Run(TrialWork item, CancellationToken cancellationToken)
    {
        var runner = RunnerFor(item);
        var folds = runner.Run(item.Configuration, cancellationToken);
        return new TrialWorkResult([.. folds], runner.OutOfFold(item.Configuration) is { } rows ? [.. rows] : null);
    }

    private CachedFeatureTrialRunner RunnerFor(TrialWork item)
    {
        var fingerprint = item.OnDisk?.Fingerprint ?? Posts(item).Fingerprint;
        var key = string.Join('|', fingerprint, JsonSerializer.Serialize(item.Featurizer), JsonSerializer.Serialize(item.Evaluation), item.Seed);
        Lazy<CachedFeatureTrialRunner> runner;
        lock (_lock)
        {
            int found = _runners.FindIndex(r => r.Key == key);
            if (found >= 0)
            {
                runner = _runners[found].Runner;
                _runners.RemoveAt(found);
            }
            else
            {
                runner = new Lazy<CachedFeatureTrialRunner>(() => new CachedFeatureTrialRunner(item.OnDisk?.Read() ?? Posts(item), item.Featurizer, item.Evaluation, item.Seed));
            }

            _runners.Insert(0, (key, runner));
            if (_runners.Count > SearchesKept)
            {
                _runners.RemoveAt(_runners.Count - 1);
            }
        }

        return runner.Value;
    }

    private static PostDataset Posts(TrialWork item) =>
        item.Data?.Local().ToDataset() ?? throw new InvalidDataException("A trial item names no posts: neither a file nor the posts themselves.");
}
