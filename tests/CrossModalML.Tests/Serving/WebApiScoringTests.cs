using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrossModalML.Prediction;
using CrossModalML.Tests.Prediction;
using CrossModalML.Tests.TestSupport;

namespace CrossModalML.Tests.Serving;

/// <summary>Starts the WebApiScoring sample as a child process on a free loopback port and calls it over HTTP.</summary>
[TestClass]
[DoNotParallelize]
public sealed class WebApiScoringTests
{
    private static Process? _server;
    private static HttpClient _client = null!;
    private static string _demoDirectory = null!;

    [ClassInitialize]
    public static void StartServer(TestContext context)
    {
        _demoDirectory = Path.GetDirectoryName(RepositoryPaths.DemoPosts)!;
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var project = Path.Combine(RepositoryPaths.Root, "samples", "WebApiScoring", "WebApiScoring.csproj");

        // The library is already built for the tests; only the sample itself needs building.
        var build = Run("dotnet", "build", project, "-c", configuration, "-p:BuildProjectReferences=false", "-nologo", "-v", "quiet");
        Assert.AreEqual(0, build.ExitCode, build.Output);

        int port = FreePort();
        var dll = Path.Combine(RepositoryPaths.Root, "samples", "WebApiScoring", "bin", configuration, "net10.0", "WebApiScoring.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { dll, "--model", DemoModel.ModelPath, "--image-root", _demoDirectory, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        _server = Process.Start(start)!;
        _server.OutputDataReceived += (_, _) => { };
        _server.ErrorDataReceived += (_, _) => { };
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        _client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };

        var clock = Stopwatch.StartNew();
        while (true)
        {
            Assert.IsFalse(_server.HasExited, $"The server exited with code {(_server.HasExited ? _server.ExitCode : 0)} before answering.");
            try
            {
                if (_client.GetAsync("/health").GetAwaiter().GetResult().IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            Assert.IsTrue(clock.Elapsed < TimeSpan.FromSeconds(60), "The server did not answer /health within 60 s.");
            Thread.Sleep(200);
        }
    }

    [ClassCleanup]
    public static void StopServer()
    {
        _client?.Dispose();
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            _server.WaitForExit(10_000);
        }

        _server?.Dispose();

        // The killed server cannot clean up the (empty) upload folder it made inside the image root.
        var uploads = Path.Combine(_demoDirectory, ".crossmodal-uploads");
        if (Directory.Exists(uploads) && Directory.GetFileSystemEntries(uploads).Length == 0)
        {
            Directory.Delete(uploads);
        }
    }

    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public async Task A_thousand_concurrent_requests_all_match_the_predictor()
    {
        var posts = DemoPosts.Dictionaries(50);
        using var predictor = CrossModalPredictor.Load(DemoModel.ModelPath);
        var expected = posts.Select(p => predictor.Predict(WithoutUnscored(p))).ToList();
        using var gate = new SemaphoreSlim(8);
        var failures = new List<string>();

        var calls = Enumerable.Range(0, 1000).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                using var response = await _client.PostAsJsonAsync("/predict", WithoutUnscored(posts[i % posts.Count]));
                var body = await response.Content.ReadAsStringAsync();
                var answer = JsonNode.Parse(body)!;
                var want = expected[i % posts.Count];
                if (response.StatusCode != HttpStatusCode.OK || answer["predictedLabel"]!.GetValue<string>() != want.PredictedLabel
                    || want.Probabilities.Any(p => Math.Abs(answer["probabilities"]![p.Key]!.GetValue<float>() - p.Value) > 1e-5f))
                {
                    lock (failures)
                    {
                        failures.Add($"request {i}: {(int)response.StatusCode} {body}");
                    }
                }
            }
            finally
            {
                gate.Release();
            }
        });
        await Task.WhenAll(calls);

        Assert.IsEmpty(failures, string.Join("\n", failures.Take(5)));
    }

    [TestMethod]
    public async Task A_batch_answers_in_order_and_an_inline_image_scores_like_its_file()
    {
        var posts = DemoPosts.Dictionaries(5, skip: 20).Select(WithoutUnscored).ToList();
        using var predictor = CrossModalPredictor.Load(DemoModel.ModelPath);
        using var response = await _client.PostAsJsonAsync("/predict/batch", posts);
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var answers = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
        CollectionAssert.AreEqual(posts.Select(p => predictor.Predict(p).PredictedLabel).ToList(), answers.Select(a => a!["predictedLabel"]!.GetValue<string>()).ToList());

        var withFile = new Dictionary<string, string?>(posts[0]);
        var inline = new JsonObject
        {
            ["text"] = withFile["text"],
            ["image"] = new JsonObject { ["base64"] = Convert.ToBase64String(File.ReadAllBytes(withFile["image"]!)) },
        };
        using var inlineResponse = await _client.PostAsync("/predict", new StringContent(inline.ToJsonString(), Encoding.UTF8, "application/json"));
        var inlineAnswer = JsonNode.Parse(await inlineResponse.Content.ReadAsStringAsync())!;
        var fileAnswer = predictor.Predict(new Dictionary<string, string?> { ["text"] = withFile["text"], ["image"] = withFile["image"] });
        Assert.AreEqual(fileAnswer.PredictedLabel, inlineAnswer["predictedLabel"]!.GetValue<string>());
        Assert.IsEmpty(Directory.GetFiles(Path.Combine(_demoDirectory, ".crossmodal-uploads")), "uploaded images are deleted after scoring");
    }

    [TestMethod]
    public async Task Bad_input_gets_400_with_a_message()
    {
        var cases = new (string Body, string Expected)[]
        {
            ("{\"image\": \"images/00001.png\"}", "no text"),
            ("{\"text\": \"hi\", \"mood\": \"happy\"}", "'mood'"),
            ("{\"text\": \"hi\", \"image\": {\"base64\": \"***not base64***\"}}", "base64"),
            ("{\"text\": \"hi\", \"image\": \"../../README.md\"}", "outside the allowed image root"),
            ("{\"text\": ", "not valid JSON"),
            ("[1, 2]", "JSON object"),
        };
        foreach (var (body, expected) in cases)
        {
            using var response = await _client.PostAsync("/predict", new StringContent(body, Encoding.UTF8, "application/json"));
            var text = await response.Content.ReadAsStringAsync();
            Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode, body);
            StringAssert.Contains(text, expected, body);
        }

        using var tooMany = await _client.PostAsJsonAsync("/predict/batch", Enumerable.Range(0, 300).Select(_ => new { text = "hi" }));
        Assert.AreEqual(HttpStatusCode.BadRequest, tooMany.StatusCode);
        // Expect: 100-continue lets the server refuse by the declared length before the client sends the body.
        using var oversized = new HttpRequestMessage(HttpMethod.Post, "/predict")
        {
            Content = new StringContent("{\"text\": \"" + new string('a', 9 * 1024 * 1024) + "\"}", Encoding.UTF8, "application/json"),
        };
        oversized.Headers.ExpectContinue = true;
        using var tooLarge = await _client.SendAsync(oversized);
        Assert.AreEqual(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
    }

    /// <summary>The web API refuses unknown keys, and the demo's id and user columns are not ones a client should send; image paths become absolute.</summary>
    private static Dictionary<string, string?> WithoutUnscored(IReadOnlyDictionary<string, string?> post) =>
        post.Where(p => p.Key is not ("id" or "user_id")).ToDictionary(p => p.Key, p => p.Value);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static (int ExitCode, string Output) Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }
}
