using System.Diagnostics;

namespace CrossModalML.Tests.TestSupport;

/// <summary>Named pipes for tests that must prove a path is never opened: reading one blocks until a writer comes.</summary>
internal static class Fifo
{
    public static string Create(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { RedirectStandardError = true })!;
        mkfifo.WaitForExit();
        Assert.AreEqual(0, mkfifo.ExitCode, $"mkfifo {path}: {mkfifo.StandardError.ReadToEnd()}");
        return path;
    }

    /// <summary>Runs <paramref name="action"/> and fails if it has not finished within <paramref name="limit"/>; a run
    /// blocked on opening one of <paramref name="fifos"/> is released by opening them for writing, so the test process
    /// never hangs.</summary>
    public static T FinishesWithin<T>(TimeSpan limit, Func<T> action, params string[] fifos)
    {
        var run = Task.Run(action);
        if (Task.WaitAny([run], limit) < 0)
        {
            foreach (var fifo in fifos)
            {
                // Opening the write end lets a blocked reader through; nothing is written, so it reads an empty file.
                _ = Task.Run(() =>
                {
                    using var writer = new FileStream(fifo, FileMode.Open, FileAccess.Write);
                });
            }

            Assert.Fail($"The call did not finish within {limit.TotalSeconds:0} s: it is blocked on a FIFO it should never have opened.");
        }

        return run.GetAwaiter().GetResult();
    }
}
