using System.Text.Json;
using CrossModalML.Cli.Rendering;
using CrossModalML.IO;
using CrossModalML.Packaging;

namespace CrossModalML.Cli.Commands;

/// <summary>Writes a command's machine-readable report, replacing an old one only once the new one is complete.</summary>
internal static class JsonReport
{
    public static void Write(FileInfo? file, object report)
    {
        if (file is null)
        {
            return;
        }

        AtomicFile.WriteAllText(file.FullName, JsonSerializer.Serialize(report, ManifestJson.Options));
        ConsoleText.Line($"Report written to {file.FullName}");
    }
}
