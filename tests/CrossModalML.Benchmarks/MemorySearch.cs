using System.Diagnostics;
using System.Globalization;
using CrossModalML.AutoML;
using CrossModalML.Data;
using Microsoft.ML;

namespace CrossModalML.Benchmarks;

/// <summary>Peak memory and time of a search on the demo posts repeated many times (built-in features): writes the
/// repeated file to a temp folder, then loads it, searches and refits the winner on every row, printing the process's
/// working set and managed heap after each step. Usage: <c>-- memory-search [--copies N] [--max-trials T]</c>
/// (defaults 10 and 4).</summary>
/// <remarks>Each copy gets ids of its own and absolute image paths, so the posts differ only in id and every image
/// resolves wherever the file is written. The peak working set is the operating system's high-water mark for the whole
/// process, so each line's peak includes every step before it.</remarks>
internal static class MemorySearch
{
    public static void Run(string demoPostsPath, int copies, int maxTrials)
    {
        var clock = Stopwatch.StartNew();
        var path = WriteRepeated(demoPostsPath, copies);
        Report($"wrote {path}", clock);

        var data = PostDatasetLoader.Load(path, new PostLoadOptions { LabelColumn = "sentiment" });
        Report($"loaded {data.RowCount:N0} posts", clock);

        var options = new AutoMLExperimentOptions { Budget = new SearchBudget { MaxTrials = maxTrials }, Seed = 1 };
        var trials = new Reporter(trial =>
        {
            if (trial.Status != TrialStatus.Running)
            {
                Report($"trial {trial.Number} {trial.Status} {trial.Score:0.000} ({trial.Configuration.Trainer.Name})", clock);
            }
        });
        var result = new AutoMLExperiment(new MLContext(1), options).Run(data, trials);
        Report($"refit on {result.Training.TrainingRows:N0} rows", clock);
        Console.WriteLine($"| {data.RowCount:N0} posts | {maxTrials} trials | peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MB | " +
            $"{clock.Elapsed.TotalSeconds:N0} s | winner {result.Search.Best!.Configuration.Trainer.Name} {result.Search.Best.Score:0.000} |");
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }

    private static string WriteRepeated(string demoPostsPath, int copies)
    {
        var lines = File.ReadAllLines(demoPostsPath);
        var header = lines[0].Split('\t');
        int id = Array.IndexOf(header, "id");
        int image = Array.IndexOf(header, "image");
        var imageRoot = Path.GetDirectoryName(Path.GetFullPath(demoPostsPath))!;
        var directory = Directory.CreateTempSubdirectory("crossmodal-memory-").FullName;
        var path = Path.Combine(directory, "posts.tsv");
        using var writer = new StreamWriter(path);
        writer.WriteLine(lines[0]);
        for (int copy = 0; copy < copies; copy++)
        {
            foreach (var line in lines.Skip(1))
            {
                var cells = line.Split('\t');
                cells[id] = $"{cells[id]}-{copy.ToString(CultureInfo.InvariantCulture)}";
                cells[image] = Path.Combine(imageRoot, cells[image]);
                writer.WriteLine(string.Join('\t', cells));
            }
        }

        return path;
    }

    private static void Report(string step, Stopwatch clock)
    {
        using var process = Process.GetCurrentProcess();
        Console.Error.WriteLine(
            $"{clock.Elapsed.TotalSeconds,7:0.0} s  working set {process.WorkingSet64 / 1048576.0,6:N0} MB, peak {process.PeakWorkingSet64 / 1048576.0,6:N0} MB, " +
            $"managed {GC.GetTotalMemory(false) / 1048576.0,6:N0} MB  {step}");
    }

    /// <summary>Reports synchronously on the search's thread, so each reading is taken as the trial ends.</summary>
    private sealed class Reporter(Action<TrialResult> report) : IProgress<TrialResult>
    {
        public void Report(TrialResult value) => report(value);
    }
}
