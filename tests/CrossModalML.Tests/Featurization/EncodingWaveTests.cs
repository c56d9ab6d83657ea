using CrossModalML.Execution;
using CrossModalML.Featurization;
using CrossModalML.Featurization.Encoders;

namespace CrossModalML.Tests.Featurization;

/// <summary>Encoding hands its executor waves of shards that grow with what the executor runs at once.</summary>
[TestClass]
public sealed class EncodingWaveTests
{
    // 5,000 distinct texts are 20 shards of at most 256.
    private static readonly string[] Texts = [.. Enumerable.Range(0, 5000).Select(i => $"post number {i}")];

    [TestMethod]
    public void A_local_executor_gets_waves_of_sixteen_shards()
    {
        var executor = new ShapeOnlyExecutor(itemsAtOnce: 1);

        Lookup(executor).Prefetch(Texts);

        CollectionAssert.AreEqual(new[] { 16, 4 }, executor.Waves);
    }

    [TestMethod]
    public void An_executor_running_ten_at_once_gets_waves_of_twice_that()
    {
        var executor = new ShapeOnlyExecutor(itemsAtOnce: 10);

        var lookup = Lookup(executor);
        lookup.Prefetch(Texts);

        CollectionAssert.AreEqual(new[] { 20 }, executor.Waves);
        Assert.AreEqual(Texts.Length, lookup.Encoded);
    }

    private static EncoderLookup Lookup(IWorkExecutor executor) =>
        new(SentenceTransformerEncoder.MiniLM, new EncoderCacheOptions { Enabled = false, Directory = Path.GetTempPath() }, executor);

    /// <summary>Answers every shard with zero vectors without running the network, and records each wave's size.</summary>
    private sealed class ShapeOnlyExecutor(int itemsAtOnce) : IWorkExecutor
    {
        public List<int> Waves { get; } = [];

        public int ItemsAtOnce => itemsAtOnce;

        public Task<IReadOnlyList<TResult>> RunAsync<TItem, TResult>(WorkJob<TItem, TResult> job, IReadOnlyList<TItem> items, CancellationToken cancellationToken = default)
        {
            Waves.Add(items.Count);
            var results = items.Cast<EncodingShard>().Select(shard => (TResult)(object)shard.Inputs.Select(_ => new float[SentenceNetwork.MiniLmWidth]).ToArray()).ToList();
            return Task.FromResult<IReadOnlyList<TResult>>(results);
        }
    }
}
