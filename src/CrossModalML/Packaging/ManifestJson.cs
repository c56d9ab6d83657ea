using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrossModalML.Packaging;

/// <summary>The JSON settings for manifests and reports: camelCase, indented, enums as text, NaN allowed.</summary>
public static class ManifestJson
{
    /// <summary>Shared serializer options.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };
}
