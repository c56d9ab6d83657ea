namespace CrossModalML.Prediction;

/// <summary>Settings of <see cref="ModelProjectGenerator.WriteProject"/>.</summary>
public sealed class CodegenProjectOptions
{
    /// <summary>The namespace of the generated types, and the project's name. Default <c>CrossModalModel</c>.</summary>
    public string Namespace { get; set; } = "CrossModalModel";

    /// <summary>The CrossModalML package version the project references. Default: the version of this library
    /// (<see cref="ToolkitInfo.Version"/> without build metadata).</summary>
    public string? LibraryVersion { get; set; }

    /// <summary>A CrossModalML <c>.csproj</c> to reference instead of the package, for building against a local checkout
    /// without a package feed. The project keeps the package reference as its fallback: building it with
    /// <c>-p:CrossModalMLProject=</c> (empty) uses the package again. Default <see langword="null"/>: the package.</summary>
    public string? LibraryProjectPath { get; set; }
}
