using System.CommandLine;
using CrossModalML.Prediction;
using Spectre.Console;

namespace CrossModalML.Cli.Commands;

/// <summary><c>crossmodal codegen</c>: write ModelInput, ModelOutput and ConsumeModel C# classes for a model.</summary>
internal static class CodegenCommand
{
    public static Command Create()
    {
        var model = CommonOptions.Model("The model zip to generate code for.");
        var output = new Option<DirectoryInfo>("--output", "-o") { Description = "Directory to write ModelInput.cs, ModelOutput.cs and ConsumeModel.cs into.", Required = true };
        var ns = new Option<string>("--namespace") { Description = "Namespace of the generated classes.", DefaultValueFactory = _ => "CrossModalModel" };
        var verbose = CommonOptions.Verbose();
        var command = new Command("codegen", "Generate typed C# input/output classes and a consumption helper for a model.") { model, output, ns, verbose };
        command.SetAction(r => CommandRunner.Run(r.GetValue(verbose), _ =>
        {
            OutputPaths.Check(r);
            foreach (var path in ModelCodeGenerator.WriteFiles(r.GetValue(model)!.FullName, r.GetValue(output)!.FullName, r.GetValue(ns)!))
            {
                AnsiConsole.MarkupLineInterpolated($"Wrote [bold]{path}[/]");
            }

            return CommandRunner.Success;
        }));
        return command;
    }
}
