// Serving benchmark: single-post latency and throughput of CrossModalPredictor against a raw ML.NET PredictionEngine
// on the same model, at 1 and 2 threads, plus batch throughput. Run in Release; see docs/benchmarks.md. Besides
// throughput it reports what explains thread scaling on a shared machine: CPU time per post (rises under contention
// inside the process), the share of time the scoring threads waited for a core (other processes), allocation per
// post, and JIT and GC activity while the clock ran.
// Usage: dotnet run -c Release --project tests/CrossModalML.Benchmarks [-- calls-per-thread]
// Other modes: `-- automl OUTPUT_DIR [BUDGET_SECONDS [all|mvsa|mediaeval]]` (CFO vs random vs the default trainer, AutoMLBench.cs) and
// `-- mvsa-explore WORKDIR VARIANT...` (the MVSA 80/20 split and trainer/scaling probes, MvsaExplore.cs) and
// `-- encoders POSTS.tsv [COUNT]` (MiniLM, ArcticXs and ResNet18 throughput against raw ONNX Runtime, and the cache, EncoderBench.cs) and
// `-- memory-search [--copies N] [--max-trials T]` (peak memory of a search on the demo posts repeated, MemorySearch.cs) and
// `-- cluster-encode POSTS.tsv COUNT local|HOST:PORT,... OUT.bin [CLUSTER_ID]` (ResNet18 encoding through the execution seam, ClusterEncodeBench.cs) and
// `-- scale-model [MACHINES...]` (projection of encoding and searches on N machines from measured costs, ScaleModel.cs).
using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using CrossModalML;
using CrossModalML.Benchmarks;
using CrossModalML.Data;
using CrossModalML.Featurization;
using CrossModalML.Packaging;
using CrossModalML.Prediction;
using CrossModalML.Training;
using Microsoft.ML;
using CrossModalML.Evaluation;

if (args is ["mvsa-explore", var workDirectory, .. var variants])
{
    CrossModalML.Benchmarks.MvsaExplore.Run(FindShared(), workDirectory, variants);
    return;
}

if (args is ["mvsa-stack", var stackTrain, var stackTest, .. var stackVariants])
{
    CrossModalML.Benchmarks.MvsaStack.Run(stackTrain, stackTest, stackVariants);
    return;
}

if (args is ["encoders", var postsPath, .. var encoderArgs])
{
    CrossModalML.Benchmarks.EncoderBench.Run(postsPath, encoderArgs.Length > 0 ? int.Parse(encoderArgs[0], CultureInfo.InvariantCulture) : 500);
    return;
}

if (args is ["cluster-encode", var encodePosts, var encodeCount, var gateways, var encodeOutput, .. var clusterId])
{
    await CrossModalML.Benchmarks.ClusterEncodeBench.RunAsync(
        encodePosts, int.Parse(encodeCount, CultureInfo.InvariantCulture), gateways, encodeOutput, clusterId.FirstOrDefault() ?? "crossmodal");
    return;
}

if (args is ["scale-model", .. var modelArgs])
{
    CrossModalML.Benchmarks.ScaleModel.Run(modelArgs);
    return;
}

if (args is ["memory-search", .. var memoryArgs])
{
    int Flag(string name, int fallback) => Array.IndexOf(memoryArgs, name) is var at and >= 0 && at + 1 < memoryArgs.Length
        ? int.Parse(memoryArgs[at + 1], CultureInfo.InvariantCulture) : fallback;
    CrossModalML.Benchmarks.MemorySearch.Run(FindDemoData(), Flag("--copies", 10), Flag("--max-trials", 4));
    return;
}

if (args is ["automl", var outputDirectory, .. var rest])
{
    CrossModalML.Benchmarks.AutoMLBench.Run(
        FindShared(), outputDirectory, rest.Length > 0 ? double.Parse(rest[0], CultureInfo.InvariantCulture) : 150, rest.Length > 1 ? rest[1] : "all");
    return;
}

int calls = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 4000;
const int Rounds = 3;
var dataPath = FindDemoData();
var data = PostDatasetLoader.Load(dataPath, new PostLoadOptions { LabelColumn = "sentiment" });
var posts = ToPosts(data).Take(500).ToList();
var directory = Directory.CreateTempSubdirectory("crossmodal-bench-").FullName;
var gcMode = $"{(GCSettings.IsServerGC ? "Server" : "Workstation")} GC, latency mode {GCSettings.LatencyMode}";
Console.WriteLine($"# CrossModalML serving benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}, {gcMode}");
Console.WriteLine($"# {calls} calls per thread per round, {Rounds} rounds; load average (1/5/15 min) at start: {LoadAverage()}");
Console.WriteLine();
Console.WriteLine("| model | scorer | threads | p50 µs | p99 µs | posts/s | 2 threads / 1 | CPU µs/post | waiting for a CPU | bytes/post |");
Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");

var notes = new List<string>();
var batchLines = new List<string>();
foreach (var (name, modalities) in new[] { ("text", Modality.Text), ("text+metadata", Modality.Text | Modality.Metadata), ("text+image", Modality.Text | Modality.Image) })
{
    var modelPath = Path.Combine(directory, name.Replace('+', '-') + ".zip");
    var ml = new MLContext(1);
    var options = new TrainingOptions { Featurizer = new FeaturizerOptions { Modalities = modalities }, Evaluation = { Strategy = EvaluationStrategy.None } };
    var result = new CrossModalTrainer(ml).Train(data, options);
    ModelPackage.Save(ml, modelPath, result.Model, data.DataView.Schema, result.ToManifest(data, options));

    using var predictor = CrossModalPredictor.Load(modelPath);
    var rawContext = new MLContext(1);
    CrossModalRegistration.Register(rawContext);
    var rawModel = rawContext.Model.Load(modelPath, out _);
    var loadBefore = LoadAverage();
    var raw = new Dictionary<int, Measurement>();
    var pooled = new Dictionary<int, Measurement>();
    foreach (var threads in new[] { 1, 2 })
    {
        // PredictionEngine is not thread-safe: one per thread, as ML.NET documents.
        var engines = Enumerable.Range(0, threads).Select(_ => rawContext.Model.CreatePredictionEngine<BenchPost, BenchScore>(rawModel)).ToArray();
        Action<int, BenchPost> scoreRaw = (thread, post) => engines[thread].Predict(post);
        Action<int, BenchPost> scorePooled = (_, post) => predictor.Predict(post);
        WarmUp(threads, posts, scoreRaw);
        WarmUp(threads, posts, scorePooled);
        raw[threads] = new Measurement();
        pooled[threads] = new Measurement();
        for (int round = 0; round < Rounds; round++)
        {
            // Alternating the scorers within each round spreads machine noise over both.
            Measure(threads, calls, posts, scoreRaw, raw[threads]);
            Measure(threads, calls, posts, scorePooled, pooled[threads]);
        }

        Row(name, "ML.NET PredictionEngine", threads, raw[threads], raw[1]);
        Row(name, $"CrossModalPredictor (typed; p50 ×{pooled[threads].Percentile(0.5) / raw[threads].Percentile(0.5):0.00} of raw)", threads, pooled[threads], pooled[1]);
        foreach (var engine in engines)
        {
            engine.Dispose();
        }
    }

    var dictionaries = posts.Select(AsDictionary).ToList();
    Action<int, IReadOnlyDictionary<string, string?>> scoreDictionary = (_, post) => predictor.Predict(post);
    WarmUp(1, dictionaries, scoreDictionary);
    var dictionary = new Measurement();
    Measure(1, calls, dictionaries, scoreDictionary, dictionary);
    Row(name, "CrossModalPredictor (dictionary)", 1, dictionary, dictionary);

    var all = new[] { raw[1], raw[2], pooled[1], pooled[2], dictionary };
    notes.Add($"- {name}: load average {loadBefore} before, {LoadAverage()} after; during timed calls the JIT compiled " +
        $"{all.Sum(m => m.MethodsCompiled)} methods, {all.Sum(m => m.Gen0Collections)} gen-0 collections paused {all.Sum(m => m.GcPause.TotalMilliseconds):N0} ms in all.");

    predictor.Predict(data.Select(Enumerable.Range(0, 100).ToArray()));
    var clock = Stopwatch.StartNew();
    predictor.Predict(data);
    batchLines.Add($"| {name} | {data.RowCount / clock.Elapsed.TotalSeconds:N0} |");
    (rawModel as IDisposable)?.Dispose();
}

Console.WriteLine();
notes.ForEach(Console.WriteLine);
Console.WriteLine();
Console.WriteLine($"Batch scoring (`CrossModalPredictor.Predict(PostDataset)`, {data.RowCount:N0} demo posts, one thread):");
Console.WriteLine();
Console.WriteLine("| model | posts/s |");
Console.WriteLine("|---|---:|");
batchLines.ForEach(Console.WriteLine);
Directory.Delete(directory, recursive: true);

// Tiered compilation keeps recompiling a newly used model's hot methods in the background (instrumented, then
// optimised) for a second or more. A timed run in that window mixes slow code in and shares the 2 cores with the JIT
// thread, which hits the 2-thread runs hardest. So warm up on the measured number of threads until a quiet stretch
// compiles nothing.
static void WarmUp<TPost>(int threads, IReadOnlyList<TPost> posts, Action<int, TPost> score)
{
    var quietPeriod = TimeSpan.FromMilliseconds(300);
    var total = Stopwatch.StartNew();
    var quiet = Stopwatch.StartNew();
    long compiled = JitInfo.GetCompiledMethodCount();
    while (total.Elapsed < TimeSpan.FromSeconds(20))
    {
        RunThreads(threads, 100, posts, score, latencies: null);
        long now = JitInfo.GetCompiledMethodCount();
        if (now != compiled)
        {
            compiled = now;
            quiet.Restart();
        }
        else if (quiet.Elapsed >= quietPeriod && total.Elapsed >= TimeSpan.FromSeconds(1))
        {
            return;
        }
    }
}

static void Measure<TPost>(int threads, int calls, IReadOnlyList<TPost> posts, Action<int, TPost> score, Measurement into)
{
    var latencies = Enumerable.Range(0, threads).Select(_ => new double[calls]).ToArray();
    long compiled = JitInfo.GetCompiledMethodCount();
    int collections = GC.CollectionCount(0);
    var paused = GC.GetTotalPauseDuration();
    var runs = RunThreads(threads, calls, posts, score, latencies);
    var wall = Stopwatch.GetElapsedTime(runs.Min(r => r.Start), runs.Max(r => r.End));
    var threadWall = TimeSpan.FromTicks(runs.Sum(r => Stopwatch.GetElapsedTime(r.Start, r.End).Ticks));
    SchedulerStats? scheduler = runs.All(r => r.Scheduler is not null) ? runs.Select(r => r.Scheduler!.Value).Aggregate((a, b) => a + b) : null;
    into.Add(latencies.SelectMany(l => l), wall, threadWall, scheduler, runs.Sum(r => r.AllocatedBytes),
        JitInfo.GetCompiledMethodCount() - compiled, GC.CollectionCount(0) - collections, GC.GetTotalPauseDuration() - paused);
}

// Each thread waits at a barrier so all start together, and measures itself: its span, CPU and allocation.
static ThreadRun[] RunThreads<TPost>(int threads, int calls, IReadOnlyList<TPost> posts, Action<int, TPost> score, double[][]? latencies)
{
    var runs = new ThreadRun[threads];
    using var start = new Barrier(threads);
    var workers = Enumerable.Range(0, threads).Select(thread => new Thread(() =>
    {
        start.SignalAndWait();
        var scheduler = SchedulerStats.ReadCurrentThread();
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        long first = Stopwatch.GetTimestamp();
        for (int i = 0; i < calls; i++)
        {
            long before = Stopwatch.GetTimestamp();
            score(thread, posts[(i * 7 + thread) % posts.Count]);
            if (latencies is not null)
            {
                latencies[thread][i] = Stopwatch.GetElapsedTime(before).TotalMicroseconds;
            }
        }

        long last = Stopwatch.GetTimestamp();
        var schedulerAfter = SchedulerStats.ReadCurrentThread();
        runs[thread] = new ThreadRun(first, last, schedulerAfter - scheduler, GC.GetAllocatedBytesForCurrentThread() - allocated);
    })).ToList();
    workers.ForEach(w => w.Start());
    workers.ForEach(w => w.Join());
    return runs;
}

static void Row(string model, string scorer, int threads, Measurement m, Measurement oneThread)
{
    var scaling = threads == 1 ? "" : $"×{m.PostsPerSecond / oneThread.PostsPerSecond:0.00}";
    var cpu = double.IsNaN(m.CpuMicrosecondsPerCall) ? "n/a" : m.CpuMicrosecondsPerCall.ToString("N1", CultureInfo.InvariantCulture);
    var waiting = double.IsNaN(m.WaitingShare) ? "n/a" : m.WaitingShare.ToString("P0", CultureInfo.InvariantCulture);
    Console.WriteLine($"| {model} | {scorer} | {threads} | {m.Percentile(0.50):N0} | {m.Percentile(0.99):N0} | {m.PostsPerSecond:N0} | {scaling} | {cpu} | {waiting} | {m.BytesPerCall:N0} |");
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static IEnumerable<BenchPost> ToPosts(PostDataset data)
{
    string[] Column(string name) => data.GetColumnValues(name).ToArray();
    var (id, text, image, user, time, likes, shares, topic) =
        (Column("id"), Column("text"), Column("image"), Column("user_id"), Column("timestamp"), Column("likes"), Column("shares"), Column("topic"));
    for (int i = 0; i < data.RowCount; i++)
    {
        yield return new BenchPost
        {
            Id = id[i], Text = text[i], Image = image[i], UserId = user[i], Timestamp = time[i],
            Likes = float.Parse(likes[i], CultureInfo.InvariantCulture), Shares = float.Parse(shares[i], CultureInfo.InvariantCulture), Topic = topic[i],
        };
    }
}

static IReadOnlyDictionary<string, string?> AsDictionary(BenchPost post) => new Dictionary<string, string?>
{
    ["id"] = post.Id, ["text"] = post.Text, ["image"] = post.Image, ["user_id"] = post.UserId, ["timestamp"] = post.Timestamp,
    ["likes"] = post.Likes.ToString(CultureInfo.InvariantCulture), ["shares"] = post.Shares.ToString(CultureInfo.InvariantCulture), ["topic"] = post.Topic,
};

static string FindDemoData()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        var candidate = Path.Combine(directory.FullName, "datasets", "demo", "posts.tsv");
        if (File.Exists(candidate))
        {
            return candidate;
        }
    }

    throw new FileNotFoundException("datasets/demo/posts.tsv was not found above the benchmark's folder.");
}

static string FindShared()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        var candidate = Path.Combine(directory.FullName, "shared", "datasets");
        if (Directory.Exists(candidate))
        {
            return Path.Combine(directory.FullName, "shared");
        }
    }

    throw new DirectoryNotFoundException("../shared (with datasets/ and models/) was not found above the benchmark's folder.");
}
