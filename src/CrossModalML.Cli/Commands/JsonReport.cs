using System.Text.Json;
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
        Console.WriteLine($"Report written to {file.FullName}");
    }
}
