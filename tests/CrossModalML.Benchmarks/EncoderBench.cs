// Encoder throughput: MiniLM and ArcticXs posts/s and ResNet18 images/s through the toolkit's encoder lookup (the step a featurizer
// fit runs) against the same ONNX networks run through a plain ONNX Runtime InferenceSession in the same process on the
// same posts; then a second toolkit run over the same posts against the cache the first one filled.
using System.Diagnostics;
using System.Globalization;
using CrossModalML.Featurization;
using CrossModalML.Featurization.Encoders;
using Microsoft.ML.OnnxRuntime;

namespace CrossModalML.Benchmarks;

internal static class EncoderBench
{
    public static void Run(string postsPath, int count)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(postsPath))!;
        var rows = File.ReadLines(postsPath).Skip(1).Select(l => l.Split('\t')).Take(count).ToList();
        var texts = rows.Select(r => r[1]).ToList();
        var images = rows.Select(r => Path.Combine(folder, r[2])).ToList();
        var cache = Directory.CreateTempSubdirectory("crossmodal-encoder-bench-").FullName;
        Console.WriteLine($"# Encoder throughput — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {rows.Count} posts of {postsPath}; " +
            $"load average at start: {File.ReadAllText("/proc/loadavg").Trim()}");

        SentenceTransformerEncoder[] sentenceEncoders = [SentenceTransformerEncoder.MiniLM, SentenceTransformerEncoder.ArcticXs];
        foreach (var encoder in sentenceEncoders)
        {
            var tokens = texts.Select(t => encoder.Tokenize(t).Count).ToList();
            Console.WriteLine($"# {encoder.Name} word pieces per post ([CLS]/[SEP] included, cut at {SentenceTransformerEncoder.MaxTokens}): median {Median(tokens)}, " +
                $"max {tokens.Max()}, over 64: {tokens.Count(t => t > 64)} posts");

            // Warm every path (sessions opened, code jitted) on a few posts that are then not timed twice for the cache.
            encoder.Encode(texts.Take(8).Select(t => t + " warm-up").ToList());
        }

        ResNet18Encoder.Instance.Encode(images.Take(2).ToList());

        Console.WriteLine();
        Console.WriteLine("| encoder | path | items | seconds | items/s | encoded | cache hits |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        var options = new EncoderCacheOptions { Directory = cache };
        double seconds;
        foreach (var encoder in sentenceEncoders)
        {
            Report(encoder.Name, "ONNX Runtime InferenceSession, batches of 32", texts.Count, Time(() => RawSentences(encoder, texts)), texts.Count, 0);
            var text = Lookup(encoder, options, texts, out seconds);
            Report(encoder.Name, "toolkit, cold cache", texts.Count, seconds, text.Encoded, text.Cache!.Hits);
            text = Lookup(encoder, options, texts, out seconds);
            Report(encoder.Name, "toolkit, second run", texts.Count, seconds, text.Encoded, text.Cache!.Hits);
        }

        Report("ResNet18", "ONNX Runtime InferenceSession, one image at a time", images.Count, Time(() => RawResNet(images)), images.Count, 0);
        var image = Lookup(ResNet18Encoder.Instance, options, images, out seconds);
        Report("ResNet18", "toolkit, cold cache", images.Count, seconds, image.Encoded, image.Cache!.Hits);
        image = Lookup(ResNet18Encoder.Instance, options, images, out seconds);
        Report("ResNet18", "toolkit, second run", images.Count, seconds, image.Encoded, image.Cache!.Hits);
        Console.WriteLine();
        Console.WriteLine($"# load average at end: {File.ReadAllText("/proc/loadavg").Trim()}; cache {cache}");
        Directory.Delete(cache, recursive: true);
    }

    private static EncoderLookup Lookup(PretrainedEncoder encoder, EncoderCacheOptions options, List<string> inputs, out double seconds)
    {
        var lookup = new EncoderLookup(encoder, options);
        seconds = Time(() => lookup.Prefetch(inputs));
        return lookup;
    }

    /// <summary>The plain way: tokenize, pad each batch of 32 in file order, run, pool.</summary>
    private static void RawSentences(SentenceTransformerEncoder encoder, List<string> texts)
    {
        var network = encoder.Description;
        using var session = new InferenceSession(Resource(network.Assembly, network.ResourcePrefix + "model.onnx"));
        for (int start = 0; start < texts.Count; start += 32)
        {
            var batch = texts.Skip(start).Take(32).Select(encoder.Tokenize).ToList();
            encoder.Run(session, batch);
        }
    }

    /// <summary>The plain way: decode and crop each image, then the normalising graph and the network, one at a time.</summary>
    private static void RawResNet(List<string> images)
    {
        var assembly = typeof(ResNet18Encoder).Assembly;
        using var preprocess = new InferenceSession(Resource(assembly, "CrossModalML.Encoders.ResNetPreprocess.onnx"));
        using var network = new InferenceSession(Resource(assembly, "CrossModalML.Encoders.ResNet18.onnx"));
        foreach (var image in images)
        {
            if (ResNet18Encoder.Pixels(image) is { } pixels)
            {
                ResNet18Encoder.Run(preprocess, network, pixels);
            }
        }
    }

    private static byte[] Resource(System.Reflection.Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    private static double Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalSeconds;
    }

    private static int Median(List<int> values) => values.Order().ElementAt(values.Count / 2);

    private static void Report(string encoder, string path, int items, double seconds, long encoded, long hits) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {encoder} | {path} | {items} | {seconds:0.0} | {items / seconds:0.0} | {encoded} | {hits} |"));
}
