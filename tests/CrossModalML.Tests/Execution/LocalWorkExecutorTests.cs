using CrossModalML.Execution;

namespace CrossModalML.Tests.Execution;

[TestClass]
public sealed class LocalWorkExecutorTests
{
    private sealed class SlowFirstJob : WorkJob<int, int>
    {
        public override string Name => "tests.slow-first";

        public override int Run(int item, CancellationToken cancellationToken)
        {
            if (item < 0)
            {
                throw new InvalidOperationException($"item {item} is negative");
            }

            // Earlier items take longer, so a parallel run finishes them last.
            Thread.Sleep((8 - item) * 5);
            return item * item;
        }
    }

    [TestMethod]
    public async Task Items_run_several_at_once_come_back_in_input_order()
    {
        var results = await new LocalWorkExecutor(itemsAtOnce: 4).RunAsync(new SlowFirstJob(), [0, 1, 2, 3, 4, 5, 6, 7]);

        CollectionAssert.AreEqual(new[] { 0, 1, 4, 9, 16, 25, 36, 49 }, results.ToArray());
    }

    [TestMethod]
    public async Task A_failing_item_throws_its_own_exception_in_parallel_as_in_sequence()
    {
        foreach (var executor in new[] { LocalWorkExecutor.Instance, new LocalWorkExecutor(3) })
        {
            var error = await Assert.ThrowsExactlyAsync<InvalidOperationException>(() => executor.RunAsync(new SlowFirstJob(), [1, -2, 3]));
            StringAssert.Contains(error.Message, "item -2 is negative");
        }
    }

    [TestMethod]
    public async Task A_cancelled_run_starts_no_item()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        await Assert.ThrowsAsync<OperationCanceledException>(() => LocalWorkExecutor.Instance.RunAsync(new SlowFirstJob(), [1, 2], cancelled.Token));
    }

    [TestMethod]
    public void Items_and_results_survive_the_wire_with_exact_floats()
    {
        var job = new FloatsJob();
        float[] values = [float.NaN, float.PositiveInfinity, 1f / 3, -0f, 1.17549435E-38f];

        var result = job.DecodeResult(((IWorkJob)job).Run(job.EncodeItem(values), CancellationToken.None));

        CollectionAssert.AreEqual(values.Select(BitConverter.SingleToInt32Bits).ToArray(), result.Select(BitConverter.SingleToInt32Bits).ToArray());
    }

    private sealed class FloatsJob : WorkJob<float[], float[]>
    {
        public override string Name => "tests.floats";

        public override float[] Run(float[] item, CancellationToken cancellationToken) => item;
    }
}
