using System.CommandLine;
using CrossModalML.Demo;
using Spectre.Console;

namespace CrossModalML.Cli.Commands;

/// <summary><c>crossmodal demo</c>: write the deterministic demo data set.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--output", "-o") { Description = "Directory to write posts.tsv and images/ into.", Required = true };
        var verbose = CommonOptions.Verbose();
        var command = new Command("demo", "Generate the demo data set (the committed datasets/demo is this command's output with defaults).") { output, verbose };
        command.SetAction(r => CommandRunner.Run(r.GetValue(verbose), _ =>
        {
            OutputPaths.Check(r);
            var directory = r.GetValue(output)!;
            var summary = DemoDataGenerator.Generate(directory.FullName);
            AnsiConsole.MarkupLineInterpolated($"Wrote {summary.RowsWritten:N0} posts to [bold]{directory.FullName}[/].");
            return CommandRunner.Success;
        }));
        return command;
    }
}
