using System.Diagnostics;
using CrossModalML.Prediction;
using CrossModalML.Tests.TestSupport;

namespace CrossModalML.Tests.Prediction;

[TestClass]
public sealed class HotReloadTests
{
    [TestMethod]
    public void Calls_running_during_reloads_all_succeed_and_agree()
    {
        using var temp = new TempDirectory();
        var path = temp.File("model.zip");
        File.Copy(DemoModel.ModelPath, path);
        using var predictor = CrossModalPredictor.Load(path);
        var posts = DemoPosts.Dictionaries(10);
        var expected = posts.Select(p => predictor.Predict(p).PredictedLabel).ToList();

        using var stop = new CancellationTokenSource();
        using var started = new CountdownEvent(3);
        var callers = Enumerable.Range(0, 3).Select(worker => Task.Run(() =>
        {
            int calls = 0;
            do
            {
                var i = calls++ % posts.Count;
                Assert.AreEqual(expected[i], predictor.Predict(posts[i]).PredictedLabel);
                if (calls == 1)
                {
                    started.Signal();
                }
            }
            while (!stop.IsCancellationRequested && calls < 200_000);

            return calls;
        })).ToArray();

        // Reload only once every caller is scoring, so the swaps really happen under load.
        Assert.IsTrue(started.Wait(TimeSpan.FromSeconds(30)), "the callers did not start");
        for (int reload = 0; reload < 3; reload++)
        {
            predictor.Reload();
        }

        stop.Cancel();
        Task.WaitAll(callers);
        Assert.AreEqual(4, predictor.ModelVersion);
    }

    [TestMethod]
    public void Replacing_the_watched_file_swaps_the_model_and_a_broken_file_keeps_the_old_one()
    {
        using var temp = new TempDirectory();
        var path = temp.File("model.zip");
        File.Copy(DemoModel.ModelPath, path);
        using var predictor = CrossModalPredictor.Load(path, new PredictorOptions { ReloadOnChange = true, ReloadDelay = TimeSpan.FromMilliseconds(100) });
        var post = DemoPosts.Dictionaries(1)[0];
        var before = predictor.Predict(post);

        // Replace by rename, as ModelPackage.Save and deployment tools do.
        File.Copy(DemoModel.ModelPath, path + ".new");
        File.Move(path + ".new", path, overwrite: true);
        WaitFor(() => predictor.ModelVersion == 2, "the replaced model to be loaded");
        Assert.AreEqual(before.PredictedLabel, predictor.Predict(post).PredictedLabel);

        File.WriteAllText(path, "not a zip");
        WaitFor(() => predictor.LastReloadError is not null, "the broken file to be reported");
        Assert.AreEqual(2, predictor.ModelVersion);
        Assert.AreEqual(before.PredictedLabel, predictor.Predict(post).PredictedLabel);
    }

    private static void WaitFor(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(20))
            {
                Assert.Fail($"Timed out waiting for {what}.");
            }

            Thread.Sleep(50);
        }
    }
}
