using System.Diagnostics;

namespace CrossModalML.AutoML;

/// <summary>Runs one trial for the search loop: prepares its featurizer choice, then runs it on a worker thread under a
/// time limit and a working-set growth limit, abandoning it (not stopping it) when it overruns.</summary>
internal static class TrialExecution
{
    /// <summary>Prepares a configuration's featurizer choice; <c>null</c> when that went well, otherwise what the trial came to
    /// (status Running means the caller cancelled).</summary>
    public static TrialOutcome? Prepare(ITrialRunner runner, TrialConfiguration configuration, CancellationToken cancellationToken)
    {
        try
        {
            runner.Prepare(configuration.Featurizer, cancellationToken);
            return null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new TrialOutcome(TrialStatus.Running, [], null, TimeSpan.Zero);
        }
        catch (Exception ex)
        {
            return new TrialOutcome(TrialStatus.Failed, [], $"featurization failed: {ex.Message}", TimeSpan.Zero);
        }
    }

    /// <summary>Runs a trial on a worker and waits at most <paramref name="limit"/>, stopping it early when it adds more than
    /// <paramref name="memoryGrowthLimit"/> bytes to the process's working set. Status Running means the caller cancelled.</summary>
    /// <remarks>The growth is measured from the trial's own baseline: the working set when it starts, raised to the
    /// working set seen while an earlier, abandoned trial (<paramref name="earlierTrials"/>) is still running. The process's
    /// memory cannot be told apart by trial, so growth during such an overlap is the abandoned trial's, never held against
    /// this one; what this trial adds after the last of them ends counts in full.</remarks>
    public static TrialOutcome Run(
        ITrialRunner runner, TrialConfiguration configuration, TimeSpan limit, long? memoryGrowthLimit, CancellationToken cancellationToken, bool limitedByBudget = false,
        IReadOnlyCollection<Task>? earlierTrials = null)
    {
        var stillRunning = (earlierTrials ?? []).Where(t => !t.IsCompleted).ToList();
        var trialCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var clock = Stopwatch.StartNew();
        var work = Task.Factory.StartNew(
            () => runner.Run(configuration, trialCancellation.Token),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        // The source is disposed only when the work ends, because an abandoned trial may still read its token.
        work.ContinueWith(t => { _ = t.Exception; trialCancellation.Dispose(); }, TaskScheduler.Default);
        WaitHandle[] handles = [((IAsyncResult)work).AsyncWaitHandle, cancellationToken.WaitHandle];
        long startWorkingSet = Environment.WorkingSet;
        long grown = 0;
        int signalled;
        while (true)
        {
            // Without a memory limit this is one wait for the whole limit; with one, the working set is read every 100 ms.
            double remaining = (limit - clock.Elapsed).TotalMilliseconds;
            double slice = memoryGrowthLimit is null ? remaining : Math.Min(remaining, 100);
            signalled = WaitHandle.WaitAny(handles, (int)Math.Clamp(Math.Ceiling(slice), 1, int.MaxValue));
            if (signalled != WaitHandle.WaitTimeout || clock.Elapsed >= limit)
            {
                break;
            }

            long workingSet = Environment.WorkingSet;
            if (stillRunning.Count > 0)
            {
                stillRunning.RemoveAll(t => t.IsCompleted);
                startWorkingSet = Math.Max(startWorkingSet, workingSet);
            }

            grown = workingSet - startWorkingSet;
            if (grown > memoryGrowthLimit)
            {
                break;
            }
        }

        var elapsed = clock.Elapsed;
        if (cancellationToken.IsCancellationRequested)
        {
            // Cancellation wins even when the trial finished at the same moment, so a cancelled search never records a trial that ran past it.
            return new TrialOutcome(TrialStatus.Running, [], null, elapsed, work.IsCompleted ? null : work);
        }

        if (signalled != 0)
        {
            try
            {
                trialCancellation.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The work finished between the wait and here; there is nothing left to cancel.
            }

            if (grown > memoryGrowthLimit)
            {
                return new TrialOutcome(
                    TrialStatus.Failed, [],
                    $"added {grown >> 20:N0} MB to the process's memory, over the trial memory limit of {memoryGrowthLimit >> 20:N0} MB, and was told to stop",
                    elapsed, work);
            }

            return new TrialOutcome(
                TrialStatus.TimedOut, [],
                limitedByBudget
                    ? $"was still running {limit.TotalSeconds:0.#} s after it started, at the end of the search's time budget, and was abandoned"
                    : $"exceeded the trial time limit of {limit.TotalSeconds:0.#} s and was abandoned",
                elapsed, work);
        }

        if (work.IsCompletedSuccessfully)
        {
            return new TrialOutcome(TrialStatus.Completed, work.Result, null, elapsed);
        }

        return new TrialOutcome(TrialStatus.Failed, [], work.Exception?.InnerException?.Message ?? "the trial was cancelled", elapsed);
    }
}
