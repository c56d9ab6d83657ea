using System.Reflection;
using Microsoft.ML;

namespace CrossModalML.AutoML;

/// <summary>Stops an ML.NET trainer when a token is cancelled, by cancelling the trainer's own <see cref="MLContext"/>.</summary>
/// <remarks>
/// <para>ML.NET trainers check their context between trees, iterations and passes and throw once it is cancelled; ML.NET's
/// own AutoML stops runaway trials that way. In ML.NET 5 and 6 the method that cancels a context
/// (<c>MLContext.CancelExecution</c>) is not public, so it is found by reflection. If a later ML.NET renames or removes
/// it, nothing breaks: an abandoned trial then runs to the end of its fit, as it would without this.</para>
/// <para>A cancelled context cannot be used again, so each trial owns its context.</para>
/// </remarks>
internal static class TrainerInterruption
{
    private static readonly MethodInfo? CancelExecution =
        typeof(MLContext).GetMethod("CancelExecution", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, Type.EmptyTypes);

    /// <summary>Whether this ML.NET can interrupt a trainer.</summary>
    public static bool IsAvailable => CancelExecution is not null;

    /// <summary>Cancels <paramref name="mlContext"/> when <paramref name="cancellationToken"/> is cancelled, until disposed.</summary>
    public static CancellationTokenRegistration Link(MLContext mlContext, CancellationToken cancellationToken) =>
        CancelExecution is null ? default : cancellationToken.Register(() => CancelExecution.Invoke(mlContext, null));
}
