using System.CommandLine;

namespace CrossModalML.Cli.Commands;

/// <summary>Builds a command whose flags are declared in one flags class: its action checks the output paths before
/// anything else, then runs the body under <see cref="CommandRunner"/>.</summary>
internal static class CheckedCommand
{
    /// <summary>The command <paramref name="name"/> with <paramref name="flags"/>, in their order.</summary>
    /// <param name="name">The command's name.</param>
    /// <param name="description">The command's one-line help.</param>
    /// <param name="flags">Every flag of the command, <paramref name="verbose"/> among them.</param>
    /// <param name="verbose">The flag that shows stack traces on errors.</param>
    /// <param name="body">Binds the parse and runs; returns the exit code.</param>
    public static Command Create(string name, string description, IEnumerable<Option> flags, Option<bool> verbose, Func<ParseResult, CancellationToken, int> body)
    {
        var command = new Command(name, description);
        foreach (var option in flags)
        {
            command.Options.Add(option);
        }

        command.SetAction(parsed => CommandRunner.Run(parsed.GetValue(verbose), cancellationToken =>
        {
            OutputPaths.Check(parsed);
            return body(parsed, cancellationToken);
        }));
        return command;
    }
}
