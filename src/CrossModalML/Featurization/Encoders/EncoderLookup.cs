using System.Collections.Concurrent;
using CrossModalML.Execution;

namespace CrossModalML.Featurization.Encoders;

/// <summary>Encodings of one encoder, looked up in memory (inputs encoded ahead by <see cref="Prefetch"/>), then in the
/// disk cache, and only then computed by the network.</summary>
/// <remarks>Thread-safe. Only prefetched inputs are kept in memory, so a long-lived model scoring new posts does not
/// grow.</remarks>
internal sealed class EncoderLookup
{
    private const int PrefetchChunk = 256;

    // Shards handed to the executor at once, at least: enough to keep a small cluster busy, few enough that an interrupted
    // run keeps most of its work. A wave is twice the executor's items at once when that is more, so a larger cluster
    // stays busy while a wave's last shards finish.
    private const int ShardsPerWave = 16;

    private static readonly Lock SharedLock = new();
    private static readonly Dictionary<string, (EncoderCacheOptions Options, EncoderLookup Lookup)> Shared = [];

    private readonly ConcurrentDictionary<string, float[]> _prefetched = new(StringComparer.Ordinal);
    private readonly IWorkExecutor _executor;
    private readonly IProgress<FeaturizationProgress>? _progress;
    private long _encoded;

    public EncoderLookup(PretrainedEncoder encoder, EncoderCacheOptions options, IWorkExecutor? executor = null, IProgress<FeaturizationProgress>? progress = null)
    {
        Encoder = encoder;
        Cache = options.Enabled ? new EncodingCache(options, encoder) : null;
        _executor = executor ?? LocalWorkExecutor.Instance;
        _progress = progress;
    }

    public PretrainedEncoder Encoder { get; }

    /// <summary>The disk cache, or <c>null</c> when it is off.</summary>
    public EncodingCache? Cache { get; }

    /// <summary>Inputs the network encoded (cache misses).</summary>
    public long Encoded => Interlocked.Read(ref _encoded);

    /// <summary>The lookup that loaded models use, with <see cref="EncoderCacheOptions.Default"/> as it is now.</summary>
    public static EncoderLookup ForLoadedModels(PretrainedEncoder encoder)
    {
        var options = EncoderCacheOptions.Default;
        lock (SharedLock)
        {
            if (!Shared.TryGetValue(encoder.Name, out var entry) || !ReferenceEquals(entry.Options, options))
            {
                entry = (options, new EncoderLookup(encoder, options));
                Shared[encoder.Name] = entry;
            }

            return entry.Lookup;
        }
    }

    /// <summary>Encodes every distinct input not yet in the cache, in shards run by the executor (locally: one after another,
    /// each on all cores), and keeps all of them in memory. Reports the count of inputs with an encoding as it grows
    /// (per shard when shards run in this process, per wave on a cluster).</summary>
    public void Prefetch(IEnumerable<string> inputs) => Fill(inputs, keepInMemory: true);

    /// <summary>Encodes every distinct input the disk cache lacks, in shards as <see cref="Prefetch"/> does, and writes
    /// them to the cache only, so that scoring those inputs one at a time afterwards reads each from disk instead of running
    /// the network per input, and memory does not grow. Nothing happens when the cache is off.</summary>
    public void WarmCache(IEnumerable<string> inputs)
    {
        if (Cache is not null)
        {
            Fill(inputs, keepInMemory: false);
        }
    }

    private void Fill(IEnumerable<string> inputs, bool keepInMemory)
    {
        var distinct = inputs.Distinct(StringComparer.Ordinal).Where(i => !_prefetched.ContainsKey(i)).ToArray();
        var tally = _progress is not null && distinct.Length > 0 ? new ProgressTally(Encoder.Name, distinct.Length, _progress) : null;
        var keys = new string?[distinct.Length];
        Parallel.For(0, distinct.Length, i => keys[i] = Encoder.ContentKey(distinct[i]));

        var pending = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        float[]? empty = null;
        for (int i = 0; i < distinct.Length; i++)
        {
            if (keys[i] is not { } key)
            {
                if (keepInMemory)
                {
                    _prefetched[distinct[i]] = empty ??= Encoder.Empty();
                }

                tally?.Add(1);
            }
            else if (Cache is not null && Cache.TryRead(key, out var cached))
            {
                if (keepInMemory)
                {
                    _prefetched[distinct[i]] = cached;
                }

                tally?.Add(1, cacheHits: 1);
            }
            else if (pending.TryGetValue(key, out var same))
            {
                same.Add(distinct[i]);
            }
            else
            {
                pending[key] = [distinct[i]];
            }
        }

        if (pending.Count == 0)
        {
            tally?.Complete();
            return;
        }

        // In waves of shards, so an interrupted run keeps what it encoded.
        var work = pending.ToList();
        int before = distinct.Length - work.Sum(p => p.Value.Count);
        var job = tally is null ? EncodingShardJob.Instance : new EncodingShardJob(shard => tally.Add(shard.Inputs.Length));
        for (int start = 0; start < work.Count;)
        {
            int wave = PrefetchChunk * Math.Max(ShardsPerWave, 2 * _executor.ItemsAtOnce);
            var part = work.GetRange(start, Math.Min(wave, work.Count - start));
            start += part.Count;
            var shards = part.Chunk(PrefetchChunk).Select(c => EncodingShard.ForWorker(Encoder, c.Select(p => p.Value[0]).ToArray(), _executor.DataRoot)).ToList();
            var encoded = _executor.RunAsync(job, shards).GetAwaiter().GetResult();
            var vectors = encoded.SelectMany(v => v).ToList();
            Interlocked.Add(ref _encoded, part.Count);
            before += part.Sum(p => p.Value.Count);
            tally?.AtLeast(before);
            for (int i = 0; i < part.Count; i++)
            {
                Cache?.Write(part[i].Key, vectors[i]);
                if (!keepInMemory)
                {
                    continue;
                }

                foreach (var input in part[i].Value)
                {
                    _prefetched[input] = vectors[i];
                }
            }
        }

        Cache?.Trim();
        tally?.Complete();
    }

    /// <summary>The encoding of one input: a fresh array the caller may keep.</summary>
    public float[] Get(string input)
    {
        if (_prefetched.TryGetValue(input, out var known))
        {
            return (float[])known.Clone();
        }

        if (Encoder.ContentKey(input) is not { } key)
        {
            return Encoder.Empty();
        }

        if (Cache is not null && Cache.TryRead(key, out var cached))
        {
            return cached;
        }

        var vector = Encoder.Encode([input])[0];
        Interlocked.Increment(ref _encoded);
        Cache?.Write(key, vector);
        return (float[])vector.Clone();
    }
}
