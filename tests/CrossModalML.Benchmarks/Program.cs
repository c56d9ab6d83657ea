// Serving benchmark: single-post latency and throughput of CrossModalPredictor against a raw ML.NET PredictionEngine
// on the same model, at 1 and 2 threads, plus batch throughput. Run in Release; see docs/benchmarks.md.
// Usage: dotnet run -c Release --project tests/CrossModalML.Benchmarks [-- calls-per-thread]
// Other modes: `-- automl OUTPUT_DIR [BUDGET_SECONDS [all|mvsa|mediaeval]]` (CFO vs random vs the default trainer, AutoMLBench.cs) and
// `-- mvsa-explore WORKDIR VARIANT...` (the MVSA 80/20 split and trainer/scaling probes, MvsaExplore.cs).
using System.Diagnostics;
using System.Globalization;
using CrossModalML;
using CrossModalML.Benchmarks;
using CrossModalML.Data;
using CrossModalML.Featurization;
using CrossModalML.Packaging;
using CrossModalML.Prediction;
using CrossModalML.Training;
using Microsoft.ML;

if (args is ["mvsa-explore", var workDirectory, .. var variants])
{
    CrossModalML.Benchmarks.MvsaExplore.Run(FindShared(), workDirectory, variants);
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
Console.WriteLine($"# CrossModalML serving benchmark — {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, .NET {Environment.Version}, {calls} calls per thread per round, {Rounds} rounds");
Console.WriteLine();
Console.WriteLine("| model | scorer | threads | p50 µs | p99 µs | posts/s |");
Console.WriteLine("|---|---|---:|---:|---:|---:|");

var batchLines = new List<string>();
foreach (var (name, modalities) in new[] { ("text", Modality.Text), ("text+metadata", Modality.Text | Modality.Metadata), ("text+image", Modality.Text | Modality.Image) })
{
    var modelPath = Path.Combine(directory, name.Replace('+', '-') + ".zip");
    var ml = new MLContext(1);
    var options = new TrainingOptions { Featurizer = new FeaturizerOptions { Modalities = modalities }, Evaluation = { Strategy = EvaluationStrategy.None } };
    var result = new CrossModalTrainer(ml).Train(data, options);
    ModelPackage.Save(ml, modelPath, result.Model, data.DataView.Schema, ModelManifest.FromTraining(result, data, options));

    using var predictor = CrossModalPredictor.Load(modelPath);
    var rawContext = new MLContext(1);
    CrossModalRegistration.Register(rawContext);
    var rawModel = rawContext.Model.Load(modelPath, out _);

    foreach (var threads in new[] { 1, 2 })
    {
        // PredictionEngine is not thread-safe: one per thread, as ML.NET documents.
        var engines = Enumerable.Range(0, threads).Select(_ => rawContext.Model.CreatePredictionEngine<BenchPost, BenchScore>(rawModel)).ToArray();
        var raw = new List<double>();
        var pooled = new List<double>();
        var rawWall = TimeSpan.Zero;
        var pooledWall = TimeSpan.Zero;
        for (int round = 0; round < Rounds; round++)
        {
            // Alternating the scorers within each round spreads machine noise over both.
            rawWall += Measure(threads, calls, posts, (thread, post) => engines[thread].Predict(post), raw);
            pooledWall += Measure(threads, calls, posts, (_, post) => predictor.Predict(post), pooled);
        }

        var rawStats = LatencyStats.From(raw, threads, rawWall);
        var pooledStats = LatencyStats.From(pooled, threads, pooledWall);
        Row(name, "ML.NET PredictionEngine", threads, rawStats);
        Row(name, $"CrossModalPredictor (typed; p50 ×{pooledStats.P50Microseconds / rawStats.P50Microseconds:0.00} of raw)", threads, pooledStats);
        foreach (var engine in engines)
        {
            engine.Dispose();
        }
    }

    var dictionaries = posts.Select(AsDictionary).ToList();
    var dictionaryLatencies = new List<double>();
    var dictionaryWall = Measure(1, calls, dictionaries, (_, post) => predictor.Predict(post), dictionaryLatencies);
    Row(name, "CrossModalPredictor (dictionary)", 1, LatencyStats.From(dictionaryLatencies, 1, dictionaryWall));

    predictor.Predict(data.Select(Enumerable.Range(0, 100).ToArray()));
    var clock = Stopwatch.StartNew();
    predictor.Predict(data);
    batchLines.Add($"| {name} | {data.RowCount / clock.Elapsed.TotalSeconds:N0} |");
    (rawModel as IDisposable)?.Dispose();
}

Console.WriteLine();
Console.WriteLine($"Batch scoring (`CrossModalPredictor.Predict(PostDataset)`, {data.RowCount:N0} demo posts, one thread):");
Console.WriteLine();
Console.WriteLine("| model | posts/s |");
Console.WriteLine("|---|---:|");
batchLines.ForEach(Console.WriteLine);
Directory.Delete(directory, recursive: true);

static TimeSpan Measure<TPost>(int threads, int calls, IReadOnlyList<TPost> posts, Action<int, TPost> score, List<double> latencies)
{
    for (int i = 0; i < 300; i++)
    {
        for (int thread = 0; thread < threads; thread++)
        {
            score(thread, posts[i % posts.Count]);
        }
    }

    var perThread = new double[threads][];
    var wall = Stopwatch.StartNew();
    var workers = Enumerable.Range(0, threads).Select(thread => new Thread(() =>
    {
        var mine = new double[calls];
        for (int i = 0; i < calls; i++)
        {
            long start = Stopwatch.GetTimestamp();
            score(thread, posts[(i * 7 + thread) % posts.Count]);
            mine[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        perThread[thread] = mine;
    })).ToList();
    workers.ForEach(w => w.Start());
    workers.ForEach(w => w.Join());
    wall.Stop();
    foreach (var mine in perThread)
    {
        latencies.AddRange(mine);
    }

    return wall.Elapsed;
}

static void Row(string model, string scorer, int threads, LatencyStats stats) =>
    Console.WriteLine($"| {model} | {scorer} | {threads} | {stats.P50Microseconds:N0} | {stats.P99Microseconds:N0} | {stats.CallsPerSecond:N0} |");

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
