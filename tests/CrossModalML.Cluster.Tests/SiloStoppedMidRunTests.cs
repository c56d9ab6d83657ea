using CrossModalML.Prediction;

namespace CrossModalML.Cluster.Tests;

[TestClass]
public sealed class SiloStoppedMidRunTests
{
    [TestMethod]
    public async Task Scoring_completes_with_equal_predictions_when_a_silo_stops_mid_run()
    {
        await using var cluster = await ThreeSilos.StartAsync();
        using var predictor = CrossModalPredictor.Load(SmallModel.Path);
        var chunks = predictor.LoadInputInChunks(SmallModel.DemoPosts, 25).Take(40).ToList();
        var victim = cluster.Silos[1];

        var run = predictor.PredictChunksAsync(chunks, new OrleansWorkExecutor(cluster.Client, maxInFlight: 6));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!run.IsCompleted && DateTime.UtcNow < deadline
            && !(await ThreeSilos.WorkOnSilosAsync(cluster)).TryGetValue(victim.SiloAddress, out _))
        {
            await Task.Delay(20);
        }

        Assert.IsFalse(run.IsCompleted, "the silo must stop while the run still has work on it");
        await cluster.StopSiloAsync(victim);
        var remote = await run;

        for (int c = 0; c < chunks.Count; c++)
        {
            PredictionAssert.Equal(predictor.Predict(chunks[c]), remote[c], $"chunk {c}");
        }
    }
}
