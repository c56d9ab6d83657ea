using System.CommandLine;
using CrossModalML.IO;

namespace CrossModalML.Cli.Commands;

/// <summary>The rule that no run writes over one of its own inputs, and that every output can be written, checked for
/// every command before any data is read.</summary>
/// <remarks>The options named <c>--output</c> and <c>--report</c> are the outputs; every other file or folder option
/// is an input. Paths are compared by <see cref="RealPath"/> (links resolved, case as stored). An output folder
/// clashes with an input that is the folder itself or a file in it of a name the command writes there.</remarks>
internal static class OutputPaths
{
    private static readonly string[] OutputNames = ["--output", "--report"];

    /// <summary>File names written into output folders by commands that have inputs: generated code and analysis reports
    /// (report.md and its PNG charts). The demo command, which writes posts.tsv and images/, reads nothing.</summary>
    private static readonly string[] FolderFileNames = ["ModelInput.cs", "ModelOutput.cs", "ConsumeModel.cs", "report.md"];

    /// <summary>Fails with a message naming both flags and the path when an output is an input, and with one naming the
    /// flag when an output cannot be written (a folder given as a file, a parent that is a file, no write access).</summary>
    public static void Check(ParseResult parseResult)
    {
        var inputs = new List<(string Flag, string Path)>();
        var outputs = new List<(string Flag, string Path, bool IsFolder)>();
        foreach (var option in parseResult.CommandResult.Command.Options)
        {
            var (path, isFolder) = option switch
            {
                Option<FileInfo> file => (parseResult.GetValue(file)?.FullName, false),
                Option<DirectoryInfo> folder => (parseResult.GetValue(folder)?.FullName, true),
                _ => (null, false),
            };
            if (path is null)
            {
                continue;
            }

            if (OutputNames.Contains(option.Name))
            {
                outputs.Add((option.Name, path, isFolder));
            }
            else
            {
                inputs.Add((option.Name, path));
            }
        }

        var resolvedInputs = inputs.Select(i => (i.Flag, i.Path, Real: RealPath.Resolve(i.Path))).ToList();
        foreach (var (flag, path, isFolder) in outputs)
        {
            var real = RealPath.Resolve(path);
            foreach (var input in resolvedInputs)
            {
                bool clash = string.Equals(real, input.Real, StringComparison.Ordinal) ||
                    (isFolder && string.Equals(Path.GetDirectoryName(input.Real), real, StringComparison.Ordinal) && WrittenIntoFolder(Path.GetFileName(input.Real)));
                if (clash)
                {
                    throw new ArgumentException(
                        $"{flag} '{path}' would overwrite {input.Flag} '{input.Path}'{(string.Equals(Path.GetFullPath(path), Path.GetFullPath(input.Path), StringComparison.Ordinal) ? string.Empty : $" (both are '{input.Real}')")}: " +
                        $"a run never writes over its own input. Choose another {flag} path.");
                }
            }

            CheckWritable(flag, path, real, isFolder);
        }
    }

    private static bool WrittenIntoFolder(string fileName) =>
        FolderFileNames.Contains(fileName, StringComparer.OrdinalIgnoreCase) || fileName.EndsWith(".png", StringComparison.OrdinalIgnoreCase);

    private static void CheckWritable(string flag, string path, string real, bool isFolder)
    {
        if (!isFolder && Directory.Exists(real))
        {
            throw new ArgumentException($"{flag} '{path}' is a folder; give the path of a file to write.");
        }

        if (isFolder && File.Exists(real))
        {
            throw new ArgumentException($"{flag} '{path}' is a file; give the path of a folder to write into.");
        }

        // The nearest folder that exists is where the missing ones will be created, so it must be writable.
        var folder = isFolder ? real : Path.GetDirectoryName(real)!;
        while (!Directory.Exists(folder))
        {
            if (File.Exists(folder))
            {
                throw new ArgumentException($"{flag} '{path}' cannot be written: '{folder}' is a file, not a folder.");
            }

            folder = Path.GetDirectoryName(folder) ?? throw new ArgumentException($"{flag} '{path}' cannot be written: its drive or root does not exist.");
        }

        var probe = Path.Combine(folder, $".crossmodal-write-check-{Guid.NewGuid():N}.tmp");
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            throw new ArgumentException($"{flag} '{path}' cannot be written: no write access to the folder '{folder}' ({ex.Message}).", ex);
        }
    }
}
