using System.CommandLine;

namespace CrossModalML.Cli.Commands;

/// <summary>Options several commands share, so they are spelled and described the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<bool> Verbose() => new("--verbose", "-v")
    {
        Description = "Show stack traces on errors.",
    };

    public static Option<FileInfo?> Report() => new("--report")
    {
        Description = "Write metrics and details as JSON to this file.",
    };

    public static Option<FileInfo> Model(string description) => new("--model", "-m")
    {
        Description = description,
        Required = true,
    };

    public static Option<FileInfo> Dataset(string description) => new("--dataset", "-d")
    {
        Description = description,
        Required = true,
    };

    /// <summary>Splits comma-separated values given once or several times: <c>--text a,b --text c</c>.</summary>
    public static List<string> SplitList(IEnumerable<string>? values) =>
        (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
}
