using System.CommandLine;

namespace CrossModalML.Cli.Commands.Predict;

/// <summary><c>crossmodal predict</c>: score a file of posts with a saved model, streaming it in chunks.</summary>
/// <remarks>The flags are bound to a <see cref="PredictRequest"/> and checked before any file is read.</remarks>
internal static class PredictCommand
{
    /// <summary>The <c>predict</c> command.</summary>
    public static Command Create() => Create(new PredictFlags());

    /// <summary>The command over <paramref name="flags"/>, so a test can bind a parse of it with the same flags.</summary>
    internal static Command Create(PredictFlags flags)
    {
        var binder = new PredictRequestBinder(flags);
        return CheckedCommand.Create(
            "predict",
            "Predict a label (or value) for every post in a file, one output row per input row, in input order.",
            flags.All,
            flags.Verbose,
            (parsed, cancellationToken) =>
            {
                PredictHandler.Run(binder.Bind(parsed), cancellationToken);
                return CommandRunner.Success;
            });
    }
}
