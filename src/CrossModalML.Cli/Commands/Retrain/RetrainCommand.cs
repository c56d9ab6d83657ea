using System.CommandLine;

namespace CrossModalML.Cli.Commands.Retrain;

/// <summary><c>crossmodal retrain</c>: refit a saved model's pipeline on new data (or search it again with <c>--search</c>)
/// and compare old and new on a hold-out.</summary>
/// <remarks>The flags are bound to a <see cref="RetrainRequest"/> and checked before any file is read; the handler
/// returns the report written to <c>--report</c>.</remarks>
internal static class RetrainCommand
{
    /// <summary>The <c>retrain</c> command.</summary>
    public static Command Create() => Create(new RetrainFlags());

    /// <summary>The command over <paramref name="flags"/>, so a test can bind a parse of it with the same flags.</summary>
    internal static Command Create(RetrainFlags flags)
    {
        var binder = new RetrainRequestBinder(flags);
        return CheckedCommand.Create(
            "retrain",
            "Refit a model's pipeline (columns, featurizer, trainer, hyperparameters) on new data; compare old and new on a stratified hold-out of it.",
            flags.All,
            flags.Verbose,
            (parsed, cancellationToken) =>
            {
                var request = binder.Bind(parsed);
                JsonReport.Write(request.Report, RetrainHandler.Run(request, cancellationToken));
                return CommandRunner.Success;
            });
    }
}
