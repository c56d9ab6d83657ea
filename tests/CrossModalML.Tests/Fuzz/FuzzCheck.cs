using System.Diagnostics;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace CrossModalML.Tests.Fuzz;

/// <summary>Runs a fuzz property with FsCheck: a fixed number of generated cases from a fixed seed, each under a
/// time limit, where the only allowed outcomes are success or one of the toolkit's own exceptions with a message.</summary>
internal static class FuzzCheck
{
    /// <summary>Checks <paramref name="body"/> on <paramref name="cases"/> values of <paramref name="generator"/>.</summary>
    /// <param name="generator">The inputs; no shrinking, so a failure reports the case exactly as generated.</param>
    /// <param name="cases">How many cases to run.</param>
    /// <param name="seed">The FsCheck seed: the same seed gives the same cases on every run.</param>
    /// <param name="timeout">How long one case may take before it counts as a hang.</param>
    /// <param name="describe">A description of a case for the failure message.</param>
    /// <param name="body">Runs one case; returning normally is a pass.</param>
    /// <param name="allowed">The exception types the case may end with.</param>
    public static FuzzSummary Run<T>(Gen<T> generator, int cases, ulong seed, TimeSpan timeout, Func<T, string> describe, Action<T> body, params Type[] allowed)
    {
        var summary = new FuzzSummary();
        var property = Prop.ForAll(Arb.From(generator), (T input) => RunCase(input, timeout, describe, body, allowed, summary));
        var config = Config.QuickThrowOnFailure
            .WithMaxTest(cases)
            .WithQuietOnSuccess(true)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed, 0x9E3779B97F4A7C15UL), FSharpOption<int>.None)));
        Check.One(config, property);
        Assert.AreEqual(cases, summary.Cases, "FsCheck ran a different number of cases than asked for.");
        return summary;
    }

    private static void RunCase<T>(T input, TimeSpan timeout, Func<T, string> describe, Action<T> body, Type[] allowed, FuzzSummary summary)
    {
        var clock = Stopwatch.StartNew();
        var task = Task.Factory.StartNew(() => body(input), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        bool finished;
        try
        {
            finished = task.Wait(timeout, CancellationToken.None);
        }
        catch (AggregateException)
        {
            finished = true;
        }

        if (!finished)
        {
            Assert.Fail($"Hang: the case did not finish within {timeout.TotalSeconds:0} s. Case: {describe(input)}");
        }

        summary.Record(clock.Elapsed);
        if (task.Exception is { } aggregate)
        {
            var error = aggregate.InnerExceptions.Count == 1 ? aggregate.InnerException! : aggregate;
            if (!allowed.Contains(error.GetType()))
            {
                Assert.Fail($"Unexpected {error.GetType().FullName}: {error.Message}\nCase: {describe(input)}\n{error}");
            }

            if (string.IsNullOrWhiteSpace(error.Message))
            {
                Assert.Fail($"{error.GetType().Name} without a message. Case: {describe(input)}");
            }

            summary.Rejected++;
            summary.Messages.Add(error.Message);
        }
        else
        {
            summary.Accepted++;
        }
    }
}
