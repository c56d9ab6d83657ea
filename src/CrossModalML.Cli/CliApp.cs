using System.CommandLine;
using CrossModalML.Cli.Commands;
using CrossModalML.Cli.Commands.Predict;
using CrossModalML.Cli.Commands.Retrain;
using CrossModalML.Cli.Commands.Train;
using CrossModalML.Cli.Rendering;

namespace CrossModalML.Cli;

/// <summary>The <c>crossmodal</c> command tree.</summary>
internal static class CliApp
{
    /// <summary>Parses <paramref name="args"/>, runs the command and returns its exit code.</summary>
    public static int Run(string[] args)
    {
        var root = new RootCommand("crossmodal: train, evaluate and serve cross-modal (text + image + metadata) models for social-media posts.");
        var width = new Option<int?>("--width")
        {
            Description = $"Lay output out for this many columns (default: COLUMNS, else the terminal's width, else {CliConsole.DefaultWidth}).",
            Recursive = true,
        };
        root.Options.Add(width);
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(EvaluateCommand.Create());
        root.Subcommands.Add(LeaderboardCommand.Create());
        root.Subcommands.Add(PredictCommand.Create());
        root.Subcommands.Add(WorkerCommand.Create());
        root.Subcommands.Add(RetrainCommand.Create());
        root.Subcommands.Add(CodegenCommand.Create());
        root.Subcommands.Add(InspectCommand.Create());
        root.Subcommands.Add(ExplainCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(SearchCommand.Create());
        root.Subcommands.Add(TrendsCommand.Create());
        root.Subcommands.Add(UsersCommand.Create());
        root.Subcommands.Add(PatternsCommand.Create());
        var parsed = root.Parse(args);
        try
        {
            CliConsole.Configure(parsed.Errors.Count == 0 ? parsed.GetValue(width) : null);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return CommandRunner.Failure;
        }

        return parsed.Invoke();
    }
}
