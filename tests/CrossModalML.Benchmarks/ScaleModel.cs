// Projection of encoding and AutoML searches on N machines from per-item costs measured on one machine (see
// docs/scale-out.md, "Scaling model"). A small event simulation of what the toolkit does, not a general model:
// encoding hashes every image on the client, sends shards of 256 in waves of 16 shards with at most `in-flight` out at
// once, waits for the wave, then writes the wave's encodings to the shared cache; a search proposes one trial after the
// other and runs each on one worker, which featurizes the posts once per featurizer choice it meets.
using System.Globalization;

namespace CrossModalML.Benchmarks;

/// <summary>Prints the projected wall time of encoding and the trials of a one-hour search on each machine count.</summary>
internal static class ScaleModel
{
    /// <summary>Per-item costs and cluster settings; every value can be set with <c>--name value</c>.</summary>
    private sealed class Costs
    {
        public Dictionary<string, double> Values { get; } = new(StringComparer.Ordinal)
        {
            ["images"] = 10_000_000,
            ["encode-ms"] = 50,       // worker: one image through ResNet18 on one 2-core machine (wall ms per image)
            ["client-ms"] = 0.5,      // client: content hash + cache look-up or write per image (wall ms, both cores)
            ["item-ms"] = 5,          // coordination per work item (two hops, JSON both ways)
            ["start-s"] = 2,          // one-off per run: connecting, each worker's first load of the network
            ["image-kb"] = 100,       // bytes of one image on shared storage
            ["storage-mbs"] = 1000,   // shared storage bandwidth, MB/s, all machines together
            ["shard"] = 256,
            ["wave"] = 16,
            ["in-flight"] = 8,
            ["trial-s"] = 8.2,        // one trial on one machine (cross-validated fit)
            ["propose-ms"] = 20,      // the tuner's proposal on the client
            ["featurize-s"] = 16,     // a worker's first featurization of the posts for one featurizer choice
            ["choices"] = 4,          // featurizer choices the search visits
            ["budget-s"] = 3600,
        };

        public double this[string name] => Values[name];
    }

    /// <summary>Runs the model: <c>scale-model [--name value]... [--machines 1,10,100]</c>.</summary>
    public static void Run(string[] args)
    {
        var costs = new Costs();
        int[] machines = [1, 10, 100];
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            string name = args[i].TrimStart('-');
            if (name == "machines")
            {
                machines = args[i + 1].Split(',').Select(m => int.Parse(m, CultureInfo.InvariantCulture)).ToArray();
            }
            else if (costs.Values.ContainsKey(name))
            {
                costs.Values[name] = double.Parse(args[i + 1], CultureInfo.InvariantCulture);
            }
            else
            {
                throw new ArgumentException($"Unknown setting '{args[i]}'; known: {string.Join(", ", costs.Values.Keys)}, machines.");
            }
        }

        Console.WriteLine("# Settings: " + string.Join(", ", costs.Values.Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Key} {v.Value}"))));
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"## Encoding {costs["images"]:N0} images"));
        Console.WriteLine();
        Console.WriteLine("| machines | in flight | waves | workers' compute | client (hash, cache) | storage | projected | busiest | speed-up |");
        Console.WriteLine("|---:|---|---|---:|---:|---:|---:|---|---:|");
        double single = Encode(costs, 1, (int)costs["in-flight"], (int)costs["wave"]).Total;
        foreach (int n in machines)
        {
            foreach (var (label, inFlight, wave) in new[]
            {
                ("default 8", (int)costs["in-flight"], (int)costs["wave"]),
                ("2 per machine", 2 * n, (int)costs["wave"]),
                ("2 per machine", 2 * n, int.MaxValue),
            })
            {
                var e = Encode(costs, n, inFlight, wave);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {n} | {label} | {(wave == int.MaxValue ? "one" : $"{wave} shards")} | {Hours(e.Compute)} | {Hours(e.Client)} | {Hours(e.Storage)} | {Hours(e.Total)} | {e.Bottleneck} | {single / e.Total:F1}× |"));
            }
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"## Trials in a {costs["budget-s"]:N0} s search"));
        Console.WriteLine();
        Console.WriteLine("| machines | trials one at a time (today) | featurizations | trials, batches of one per machine (not built) | featurizations |");
        Console.WriteLine("|---:|---:|---:|---:|---:|");
        foreach (int n in machines)
        {
            var sequential = Search(costs, n, batch: 1);
            var batched = Search(costs, n, batch: n);
            Console.WriteLine($"| {n} | {sequential.Trials:N0} | {sequential.Featurizations} | {batched.Trials:N0} | {batched.Featurizations} |");
        }
    }

    private static string Hours(double seconds) => seconds >= 3600
        ? string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:F1} h")
        : string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:F1} min");

    private readonly record struct Encoding(double Compute, double Client, double Storage, double Total, string Bottleneck);

    /// <summary>Simulates the waves: each wave's shards go to the machine that is free first, at most
    /// <paramref name="inFlight"/> at once; the client hashes every image first and writes each wave's encodings after
    /// it; shared storage serves every image twice (client hash, worker decode) and one 2 KB cache entry.</summary>
    private static Encoding Encode(Costs c, int machines, int inFlight, int wave)
    {
        double images = c["images"];
        long shards = (long)Math.Ceiling(images / c["shard"]);
        double shardSeconds = c["shard"] * c["encode-ms"] / 1000 + c["item-ms"] / 1000;
        double clientPerImage = c["client-ms"] / 1000;
        int lanes = Math.Min(machines, Math.Min(inFlight, wave));   // machines that can be busy at once

        double compute = 0, clientWrites = 0;
        for (long start = 0; start < shards; start += wave)
        {
            long inWave = Math.Min(wave, shards - start);
            compute += Math.Ceiling((double)inWave / lanes) * shardSeconds;   // the wave ends with its last shard
            clientWrites += inWave * c["shard"] * clientPerImage / 2;        // half of the client's share: writes
        }

        double client = images * clientPerImage / 2 + clientWrites;          // the other half: hashing up front
        double storage = images * (2 * c["image-kb"] + 2) / 1024 / c["storage-mbs"];
        double total = c["start-s"] + Math.Max(compute + client, storage);
        string bottleneck = storage > compute + client ? "shared storage"
            : client > compute ? "the client (hashing, cache writes)"
            : lanes < machines ? $"workers, only {lanes} busy" : "workers' compute";
        return new Encoding(compute, client, storage, total, bottleneck);
    }

    /// <summary>Simulates a search: each batch of proposals waits for its slowest trial; a lone trial lands on a random
    /// machine (seeded; the grains' activation-count placement sees every worker idle when trials run one at a time)
    /// and pays the featurization when that machine has not met its featurizer choice yet.</summary>
    private static (int Trials, int Featurizations) Search(Costs c, int machines, int batch)
    {
        var random = new Random(1);
        var met = new HashSet<(int Machine, int Choice)>();
        double clock = c["start-s"];
        int trials = 0;
        while (true)
        {
            double slowest = 0;
            for (int b = 0; b < batch; b++)
            {
                int machine = batch == 1 ? random.Next(machines) : b;
                double trial = c["trial-s"] + c["item-ms"] / 1000;
                if (met.Add((machine, random.Next((int)c["choices"]))))
                {
                    trial += c["featurize-s"];
                }

                slowest = Math.Max(slowest, trial);
            }

            double next = clock + c["propose-ms"] / 1000 * batch + slowest;
            if (next > c["budget-s"])
            {
                return (trials, met.Count);
            }

            clock = next;
            trials += batch;
        }
    }
}
