using System.Reflection;
using Microsoft.ML;

namespace CrossModalML;

/// <summary>Versions of this toolkit and of the ML.NET it runs on.</summary>
public static class ToolkitInfo
{
    /// <summary>The CrossModalML library version (informational, without source-control suffix).</summary>
    public static string Version { get; } = InformationalVersion(typeof(ToolkitInfo).Assembly);

    /// <summary>The ML.NET version in use.</summary>
    public static string MlNetVersion { get; } = InformationalVersion(typeof(MLContext).Assembly);

    private static string InformationalVersion(Assembly assembly)
    {
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString() ?? "unknown";
        int plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
