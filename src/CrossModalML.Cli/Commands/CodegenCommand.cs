using System.CommandLine;
using CrossModalML.Prediction;
using Spectre.Console;

namespace CrossModalML.Cli.Commands;

/// <summary><c>crossmodal codegen</c>: write a buildable console project for a model (typed classes, consumption and
/// retraining code, a demo program, the project file and a copy of the model).</summary>
internal static class CodegenCommand
{
    public static Command Create()
    {
        var model = CommonOptions.Model("The model zip to generate code for; it is copied into the project.");
        var output = new Option<DirectoryInfo>("--output", "-o")
        {
            Description = "Directory of the project: NS.csproj, ModelInput.cs, ModelOutput.cs, ConsumeModel.cs, TrainModel.cs, Program.cs and the model zip.",
            Required = true,
        };
        var ns = new Option<string>("--namespace") { Description = "Namespace of the generated classes, and the project's name.", DefaultValueFactory = _ => "CrossModalModel" };
        var libraryProject = new Option<FileInfo?>("--library-project")
        {
            Description = "Reference this CrossModalML .csproj instead of the CrossModalML package (for building against a local checkout).",
        };
        var verbose = CommonOptions.Verbose();
        var command = new Command("codegen", "Generate a buildable C# project that scores posts with a model and can retrain it.") { model, output, ns, libraryProject, verbose };
        command.SetAction(r => CommandRunner.Run(r.GetValue(verbose), _ =>
        {
            OutputPaths.Check(r);
            var options = new CodegenProjectOptions { Namespace = r.GetValue(ns)!, LibraryProjectPath = r.GetValue(libraryProject)?.FullName };
            var outputDirectory = r.GetValue(output)!.FullName;
            foreach (var path in ModelProjectGenerator.WriteProject(r.GetValue(model)!.FullName, outputDirectory, options))
            {
                AnsiConsole.MarkupLineInterpolated($"Wrote [bold]{path}[/]");
            }

            AnsiConsole.MarkupLineInterpolated($"Build and score a post: cd {outputDirectory} && dotnet run -- column=value ...");
            return CommandRunner.Success;
        }));
        return command;
    }
}
