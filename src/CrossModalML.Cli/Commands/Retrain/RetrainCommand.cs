using System.CommandLine;

namespace CrossModalML.Cli.Commands.Retrain;

/// <summary><c>crossmodal retrain</c>: refit a saved model's pipeline on new data (or search it again with <c>--search</c>)
/// and compare old and new on a hold-out.</summary>
/// <remarks>The flags are bound to a <see cref="RetrainRequest"/> and checked before any file is read; the handler
/// returns the report written to <c>--report</c>.</remarks>
internal static class RetrainCommand
{
    public static Command Create() => Create(new RetrainFlags());

    /// <summary>The command over <paramref name="flags"/>, so a test can bind a parse of it with the same flags.</summary>
    internal static Command Create(RetrainFlags flags)
    {
        var command = new Command("retrain", "Refit a model's pipeline (columns, featurizer, trainer, hyperparameters) on new data; compare old and new on a stratified hold-out of it.");
        foreach (var option in flags.All)
        {
            command.Options.Add(option);
        }

        var binder = new RetrainRequestBinder(flags);
        command.SetAction(parsed => CommandRunner.Run(parsed.GetValue(flags.Verbose), cancellationToken =>
        {
            OutputPaths.Check(parsed);
            var request = binder.Bind(parsed);
            JsonReport.Write(request.Report, RetrainHandler.Run(request, cancellationToken));
            return CommandRunner.Success;
        }));
        return command;
    }
}
