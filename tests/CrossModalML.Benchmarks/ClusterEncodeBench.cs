// Encoding through the execution seam: ResNet18 over distinct images, locally (LocalWorkExecutor, shards one after
// another on all cores) or on running `crossmodal worker`s (OrleansWorkExecutor), with an empty encoding cache. Writes
// the vectors in input order to a binary file so that runs can be compared with `cmp`. See docs/benchmarks.md.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using CrossModalML.Cluster;
using CrossModalML.Execution;
using CrossModalML.Featurization;
using CrossModalML.Featurization.Encoders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace CrossModalML.Benchmarks;

/// <summary>Times <see cref="EncoderLookup.Prefetch"/> of ResNet18 on one executor and writes the encodings.</summary>
internal static class ClusterEncodeBench
{
    /// <summary>Encodes the first <paramref name="count"/> distinct images of <paramref name="postsPath"/> (column
    /// <c>image</c>, relative to the file) and prints one line: executor, images, seconds, images/s, and the seconds of a second run that finds every image in
    /// the cache.</summary>
    /// <param name="gateways">HOST:PORT[,HOST:PORT…] of workers' gateways, or <c>local</c>.</param>
    /// <param name="clusterId">The workers' <c>--cluster-id</c>.</param>
    public static async Task RunAsync(string postsPath, int count, string gateways, string outputPath, string clusterId)
    {
        var root = Path.GetDirectoryName(Path.GetFullPath(postsPath))!;
        var lines = File.ReadLines(postsPath).ToList();
        int column = Array.IndexOf(lines[0].Split('\t'), "image");
        var images = lines.Skip(1).Select(l => l.Split('\t')[column]).Where(p => p.Length > 0)
            .Select(p => Path.GetFullPath(Path.Combine(root, p))).Distinct(StringComparer.Ordinal).Take(count).ToList();

        // The network is loaded before the clock starts in this process; workers load it on their first shard, which a
        // discarded first run pays (see docs/benchmarks.md).
        ResNet18Encoder.Instance.Encode(images.Take(2).ToList());

        // Two shards in flight per worker, as OrleansWorkExecutor advises; a shard may take minutes on a loaded machine,
        // which ClusterConnectionOptions.WorkItemTimeout (10 minutes) allows.
        var endpoints = gateways == "local" ? [] : gateways.Split(',').Select(g => IPEndPoint.Parse(g)).ToList();
        using var host = endpoints.Count == 0 ? null : Host.CreateDefaultBuilder()
            .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .UseOrleansClient(client => client
                .UseCrossModalCluster(new ClusterConnectionOptions { Gateways = endpoints, ClusterId = clusterId }))
            .Build();
        if (host is not null)
        {
            await host.StartAsync();
        }

        IWorkExecutor? executor = host is null ? null : new OrleansWorkExecutor(host.Services.GetRequiredService<IClusterClient>(), 2 * endpoints.Count);

        var cache = Directory.CreateTempSubdirectory("crossmodal-encode-bench-").FullName;
        try
        {
            var lookup = new EncoderLookup(ResNet18Encoder.Instance, new EncoderCacheOptions { Directory = cache }, executor);
            var clock = Stopwatch.StartNew();
            lookup.Prefetch(images);
            double seconds = clock.Elapsed.TotalSeconds;

            // The client's own share per image, which no worker takes off it: content hash and cache look-up (here all hits).
            clock.Restart();
            new EncoderLookup(ResNet18Encoder.Instance, new EncoderCacheOptions { Directory = cache }, executor).Prefetch(images);
            double cached = clock.Elapsed.TotalSeconds;

            string temp = outputPath + ".tmp";
            using (var writer = new BinaryWriter(File.Create(temp)))
            {
                foreach (var image in images)
                {
                    foreach (float value in lookup.Get(image))
                    {
                        writer.Write(value);
                    }
                }
            }

            File.Move(temp, outputPath, overwrite: true);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(host is null ? "local" : "cluster " + gateways)}\timages {images.Count}\tencoded {lookup.Encoded}\t{seconds:F2} s\t{images.Count / seconds:F1} images/s\tcached run {cached:F2} s"));
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }
}
