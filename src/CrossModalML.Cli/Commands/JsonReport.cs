using System.Text.Json;
using CrossModalML.Cli.Rendering;
using CrossModalML.Packaging;

namespace CrossModalML.Cli.Commands;

/// <summary>Writes a command's machine-readable report.</summary>
internal static class JsonReport
{
    public static void Write(FileInfo? file, object report)
    {
        if (file is null)
        {
            return;
        }

        if (file.Directory is { Exists: false } directory)
        {
            directory.Create();
        }

        File.WriteAllText(file.FullName, JsonSerializer.Serialize(report, ManifestJson.Options));
        ConsoleText.Line($"Report written to {file.FullName}");
    }
}
