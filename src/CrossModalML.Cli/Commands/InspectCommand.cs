using System.CommandLine;
using System.Text.Json;
using CrossModalML.Packaging;

namespace CrossModalML.Cli.Commands;

/// <summary><c>crossmodal inspect</c>: print a model zip's manifest.</summary>
internal static class InspectCommand
{
    public static Command Create()
    {
        var model = new Argument<FileInfo>("model") { Description = "The model zip." };
        var verbose = CommonOptions.Verbose();
        var command = new Command("inspect", "Print a model's manifest (task, columns, featurizer, trainer, metrics, versions) as JSON.") { model, verbose };
        command.SetAction(r => CommandRunner.Run(r.GetValue(verbose), _ =>
        {
            var manifest = ModelPackage.ReadManifest(r.GetValue(model)!.FullName);
            Console.WriteLine(JsonSerializer.Serialize(manifest, ManifestJson.Options));
            return CommandRunner.Success;
        }));
        return command;
    }
}
