using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CrossModalML.Packaging;
using CrossModalML.Prediction;
using CrossModalML.Tests.Prediction;
using CrossModalML.Tests.TestSupport;
using CrossModalML.Training;
using Microsoft.ML;
using CrossModalML.Evaluation;

namespace CrossModalML.Tests.Serving;

/// <summary>The WebApiScoring sample under load over loopback while its model is hot-reloaded to another model and then
/// to a corrupt file, and its answers to hostile image paths.</summary>
[TestClass]
[DoNotParallelize]
public sealed class WebApiLoadAndFaultTests
{
    private const int Clients = 8;
    private const int RequestsPerClient = 500;
    private const int PostCount = 50;

    private static TempDirectory _temp = null!;
    private static string _root = null!;
    private static string _modelPath = null!;
    private static string _otherModelPath = null!;
    private static List<Dictionary<string, string?>> _posts = null!;
    private static WebApiServer _server = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static void Start(TestContext context)
    {
        _temp = new TempDirectory();
        _root = Directory.CreateDirectory(_temp.File("root")).FullName;
        var images = Directory.CreateDirectory(Path.Combine(_root, "images")).FullName;
        var outside = Directory.CreateDirectory(_temp.File("outside")).FullName;
        Directory.CreateDirectory(Path.Combine(_root, "adir"));
        Directory.CreateSymbolicLink(Path.Combine(_root, "linked"), outside);
        Fifo.Create(Path.Combine(images, "pipe.png"));

        // The posts name their images relative to the root, as a client of the service would.
        _posts = DemoPosts.Dictionaries(PostCount)
            .Select(post => post.Where(p => p.Key is not ("id" or "user_id")).ToDictionary(p => p.Key, p => p.Value))
            .ToList();
        foreach (var post in _posts.Where(p => !string.IsNullOrEmpty(p["image"])))
        {
            var name = Path.GetFileName(post["image"]!);
            File.Copy(post["image"]!, Path.Combine(images, name), overwrite: true);
            File.Copy(post["image"]!, Path.Combine(outside, name), overwrite: true);
            post["image"] = "images/" + name;
        }

        _modelPath = _temp.File("model.zip");
        File.Copy(DemoModel.ModelPath, _modelPath);
        _otherModelPath = _temp.File("other-model.zip");
        TrainOtherModel(_otherModelPath);
        _server = WebApiServer.Start("--model", _modelPath, "--image-root", _root);
    }

    [ClassCleanup]
    public static void Stop()
    {
        _server?.Dispose();
        _temp?.Dispose();
    }

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task Eight_clients_keep_getting_whole_answers_through_a_reload_and_a_corrupt_model()
    {
        var expected = new Dictionary<long, List<PostPrediction>>
        {
            [1] = ExpectedAnswers(DemoModel.ModelPath),
            [2] = ExpectedAnswers(_otherModelPath),
        };
        int distinguishable = Enumerable.Range(0, PostCount).Count(i => !Same(expected[1][i], expected[2][i]));
        Assert.IsGreaterThanOrEqualTo(PostCount * 9 / 10, distinguishable, "the two models must answer differently, or a mixed answer could pass unseen");

        var latencies = new double[Clients * RequestsPerClient];
        var failures = new ConcurrentQueue<string>();
        var answeredBy = new ConcurrentDictionary<long, int>();
        var swapped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var corrupted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int completed = 0;
        var wall = Stopwatch.StartNew();

        async Task Client(int client)
        {
            for (int k = 0; k < RequestsPerClient; k++)
            {
                // Hold the last requests back only if a reload has not finished by then, so every phase sees traffic.
                if (k == RequestsPerClient * 6 / 10)
                {
                    await swapped.Task.WaitAsync(TimeSpan.FromSeconds(90));
                }

                if (k == RequestsPerClient * 9 / 10)
                {
                    await corrupted.Task.WaitAsync(TimeSpan.FromSeconds(90));
                }

                bool afterSwap = swapped.Task.IsCompleted;
                int index = (client * 37 + k) % PostCount;
                var clock = Stopwatch.StartNew();
                string body;
                HttpStatusCode status;
                try
                {
                    using var response = await _server.Client.PostAsJsonAsync("/predict", _posts[index]);
                    body = await response.Content.ReadAsStringAsync();
                    status = response.StatusCode;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    failures.Enqueue($"client {client} request {k}: {ex.Message}");
                    continue;
                }

                latencies[client * RequestsPerClient + k] = clock.Elapsed.TotalMilliseconds;
                Interlocked.Increment(ref completed);
                var problem = Check(status, body, index, afterSwap, expected, answeredBy);
                if (problem is not null)
                {
                    failures.Enqueue($"client {client} request {k}: {problem}");
                }
            }
        }

        var clients = Enumerable.Range(0, Clients).Select(c => Task.Run(() => Client(c))).ToArray();

        // A new model is renamed over the watched file a fifth of the way in, a corrupt one at about two thirds.
        await WaitUntil(() => Volatile.Read(ref completed) >= Clients * RequestsPerClient / 5, "the first fifth of the requests");
        Replace(_modelPath, File.ReadAllBytes(_otherModelPath));
        await WaitForHealth(health => health["modelVersion"]!.GetValue<long>() == 2, "the new model to be serving");
        swapped.SetResult();

        await WaitUntil(() => Volatile.Read(ref completed) >= Clients * RequestsPerClient * 2 / 3, "two thirds of the requests");
        Replace(_modelPath, Encoding.UTF8.GetBytes("this is not a model zip"));
        var health = await WaitForHealth(health => health["lastReloadError"] is not null, "the corrupt model to be refused");
        corrupted.SetResult();

        await Task.WhenAll(clients);
        wall.Stop();

        Assert.IsEmpty(failures, string.Join("\n", failures.Take(10)));
        Assert.AreEqual(Clients * RequestsPerClient, completed);
        CollectionAssert.AreEquivalent(new long[] { 1, 2 }, answeredBy.Keys.ToArray(), "every answer came from the first or the second model");
        Assert.AreEqual(2, health["modelVersion"]!.GetValue<long>(), "the corrupt file left the second model serving");
        var healthText = health.ToJsonString();
        Assert.DoesNotContain(_temp.Path, healthText, "/health names no server path");
        Assert.DoesNotContain("model.zip", healthText, "/health names no server file");
        StringAssert.Contains(_server.Log, "Reloading the model failed", "the server logs the reload failure in full");

        Array.Sort(latencies);
        double p50 = latencies[latencies.Length / 2];
        double p99 = latencies[(int)Math.Ceiling(latencies.Length * 0.99) - 1];
        var summary = $"WebApiScoring load: {Clients} clients x {RequestsPerClient} requests over loopback, 1 reload to a new model and 1 to a corrupt file: " +
            $"0 failed, {answeredBy.GetValueOrDefault(1)} answers from model 1 and {answeredBy.GetValueOrDefault(2)} from model 2; " +
            $"latency p50 {p50:0.00} ms, p99 {p99:0.00} ms; {latencies.Length / wall.Elapsed.TotalSeconds:0} requests/s";
        Console.WriteLine(summary);
        TestContext.WriteLine(summary);
    }

    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public async Task Refused_images_are_explained_without_server_paths_and_logged_in_full()
    {
        var huge = Convert.ToBase64String(LargePng.Create(10_000, 10_000));
        var cases = new (JsonObject Post, string Expected)[]
        {
            (new JsonObject { ["text"] = "hi", ["image"] = "linked/" + Path.GetFileName(_posts.First(p => !string.IsNullOrEmpty(p["image"]))["image"]) }, "outside the allowed image root"),
            (new JsonObject { ["text"] = "hi", ["image"] = "adir" }, "not a regular file"),
            (new JsonObject { ["text"] = "hi", ["image"] = "images/pipe.png" }, "not a regular file"),
            (new JsonObject { ["text"] = "hi", ["image"] = "../outside/x.png" }, "outside the allowed image root"),
            (new JsonObject { ["text"] = "hi", ["image"] = new JsonObject { ["base64"] = huge } }, "10000 x 10000"),
        };

        foreach (var (post, expected) in cases)
        {
            using var response = await _server.Client.PostAsync("/predict", new StringContent(post.ToJsonString(), Encoding.UTF8, "application/json"));
            var body = await response.Content.ReadAsStringAsync();
            var what = post["image"] is JsonValue path ? path.ToString() : "an inline image";
            Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode, $"{what}: {body}");
            StringAssert.Contains(body, expected, what);
            Assert.DoesNotContain(_temp.Path, body, $"{what}: the answer names no server path");
            Assert.DoesNotContain(".crossmodal-uploads", body, $"{what}: the answer names no upload file");
        }

        StringAssert.Contains(_server.Log, _temp.File("outside"), "the server log has the link target");
        using var health = await _server.Client.GetAsync("/health");
        Assert.DoesNotContain(_temp.Path, await health.Content.ReadAsStringAsync());
    }

    private static string? Check(HttpStatusCode status, string body, int index, bool afterSwap, Dictionary<long, List<PostPrediction>> expected, ConcurrentDictionary<long, int> answeredBy)
    {
        if (status != HttpStatusCode.OK)
        {
            return $"{(int)status} {body}";
        }

        var answer = JsonNode.Parse(body)!;
        long version = answer["modelVersion"]!.GetValue<long>();
        answeredBy.AddOrUpdate(version, 1, (_, n) => n + 1);
        if (!expected.TryGetValue(version, out var answers))
        {
            return $"answered by model version {version}, which never loaded: {body}";
        }

        if (afterSwap && version == 1)
        {
            return $"sent after the new model was serving, answered by the old one: {body}";
        }

        var want = answers[index];
        bool whole = answer["predictedLabel"]!.GetValue<string>() == want.PredictedLabel
            && want.Probabilities.All(p => Math.Abs(answer["probabilities"]![p.Key]!.GetValue<float>() - p.Value) <= 1e-5f);
        return whole ? null : $"the answer does not match model {version}'s: {body}";
    }

    private static List<PostPrediction> ExpectedAnswers(string model)
    {
        using var predictor = CrossModalPredictor.Load(model, new PredictorOptions { AllowedImageRoot = _root });
        return _posts.Select(post => predictor.Predict(post)).ToList();
    }

    private static bool Same(PostPrediction a, PostPrediction b) =>
        a.PredictedLabel == b.PredictedLabel && a.Probabilities.All(p => Math.Abs(b.Probabilities[p.Key] - p.Value) <= 1e-4f);

    /// <summary>A second sentiment model, trained on the first 300 demo posts only: same columns, other probabilities,
    /// and quick to train.</summary>
    private static void TrainOtherModel(string path)
    {
        var data = DemoModel.Data.Select(Enumerable.Range(0, 300).ToArray());
        var options = new TrainingOptions { Evaluation = { Strategy = EvaluationStrategy.HoldOut } };
        var ml = new MLContext(2);
        var result = new CrossModalTrainer(ml).Train(data, options);
        ModelPackage.Save(ml, path, result.Model, data.DataView.Schema, result.ToManifest(data, options));
    }

    /// <summary>Writes beside the target and renames over it, as the sample's README asks for hot reload.</summary>
    private static void Replace(string path, byte[] content)
    {
        var temporary = path + ".incoming";
        File.WriteAllBytes(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }

    private static async Task WaitUntil(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.IsLessThan(TimeSpan.FromSeconds(120), clock.Elapsed, $"Timed out waiting for {what}.");
            await Task.Delay(5);
        }
    }

    private static async Task<JsonNode> WaitForHealth(Func<JsonNode, bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var health = JsonNode.Parse(await _server.Client.GetStringAsync("/health"))!;
            if (condition(health))
            {
                return health;
            }

            Assert.IsLessThan(TimeSpan.FromSeconds(60), clock.Elapsed, $"Timed out waiting for {what}: {health.ToJsonString()}");
            await Task.Delay(20);
        }
    }
}
