using System.IO.Compression;
using System.Text.Json;
using CrossModalML.Privacy;
using Microsoft.ML;

namespace CrossModalML.Packaging;

/// <summary>A CrossModalML model zip: a plain ML.NET model plus <see cref="ManifestEntryName"/>.</summary>
/// <remarks>
/// <para>Any ML.NET app can load the zip with <c>MLContext.Model.Load</c> after calling
/// <see cref="CrossModalRegistration.Register"/> on its context (the model contains CrossModalML's custom transforms).</para>
/// <para>Security: like any ML.NET model, a zip can make the loader instantiate the transforms it names. Load only
/// models you trust, from paths you control.</para>
/// </remarks>
public sealed class ModelPackage : IDisposable
{
    /// <summary>The zip entry holding the manifest.</summary>
    public const string ManifestEntryName = "crossmodal/manifest.json";

    private ModelPackage(ITransformer model, DataViewSchema inputSchema, ModelManifest manifest)
    {
        Model = model;
        InputSchema = inputSchema;
        Manifest = manifest;
    }

    /// <summary>The fitted ML.NET model.</summary>
    public ITransformer Model { get; }

    /// <summary>The schema of the data the model was trained on.</summary>
    public DataViewSchema InputSchema { get; }

    /// <summary>The manifest.</summary>
    public ModelManifest Manifest { get; }

    /// <summary>Writes a model zip. The file is written beside the target and moved into place, so a reader never sees half a file.</summary>
    /// <param name="mlContext">The context the model was built in.</param>
    /// <param name="path">The zip to write; its directory is created if needed and an existing file is replaced.</param>
    /// <param name="model">The fitted model.</param>
    /// <param name="inputSchema">The schema of the training data.</param>
    /// <param name="manifest">The manifest to store inside; its <see cref="ModelManifest.UserIdSaltId"/> is set to the
    /// fresh random user-id salt stored beside it (see <see cref="UserIdHasher"/>).</param>
    public static void Save(MLContext mlContext, string path, ITransformer model, DataViewSchema inputSchema, ModelManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(manifest);
        var fullPath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        var temporary = fullPath + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            mlContext.Model.Save(model, inputSchema, temporary);
            using (var zip = ZipFile.Open(temporary, ZipArchiveMode.Update))
            {
                // Each model gets its own salt, so user pseudonyms are stable within it and unlinkable across models.
                var userIds = UserIdHasher.CreateRandom();
                userIds.WriteTo(zip);
                manifest = manifest with { UserIdSaltId = userIds.SaltId };
                var entry = zip.CreateEntry(ManifestEntryName, CompressionLevel.Optimal);
                using var stream = entry.Open();
                JsonSerializer.Serialize(stream, manifest, ManifestJson.Options);
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Reads only the manifest of a model zip.</summary>
    /// <param name="path">The zip.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ModelPackageException">The file is not a CrossModalML model, or comes from an incompatible version.</exception>
    public static ModelManifest ReadManifest(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Model file '{path}' does not exist.", path);
        }

        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(path);
        }
        catch (InvalidDataException ex)
        {
            throw new ModelPackageException($"'{path}' is not a CrossModalML model: it is not a zip file.", ex);
        }

        using (zip)
        {
            var entry = zip.GetEntry(ManifestEntryName) ?? throw new ModelPackageException(
                $"'{path}' is not a CrossModalML model: it has no '{ManifestEntryName}'. " +
                "If it is a plain ML.NET model, load it with MLContext.Model.Load instead.");
            ModelManifest? manifest;
            try
            {
                using var stream = entry.Open();
                manifest = JsonSerializer.Deserialize<ModelManifest>(stream, ManifestJson.Options);
            }
            catch (JsonException ex)
            {
                throw new ModelPackageException($"'{path}': the manifest is not valid ({ex.Message}).", ex);
            }

            Validate(path, manifest);
            return manifest!;
        }
    }

    /// <summary>Loads a model zip and checks its manifest.</summary>
    /// <param name="mlContext">The context to load into; CrossModalML's transforms are registered on it.</param>
    /// <param name="path">The zip.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ModelPackageException">The file is not a CrossModalML model, or comes from an incompatible version.</exception>
    public static ModelPackage Load(MLContext mlContext, string path)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        var manifest = ReadManifest(path);
        CrossModalRegistration.Register(mlContext);
        try
        {
            var model = mlContext.Model.Load(path, out var inputSchema);
            return new ModelPackage(model, inputSchema, manifest);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or InvalidDataException)
        {
            throw new ModelPackageException(
                $"'{path}' has a valid manifest (CrossModalML {manifest.ToolkitVersion}, ML.NET {manifest.MlNetVersion}) " +
                $"but its ML.NET model could not be loaded with ML.NET {ToolkitInfo.MlNetVersion}: {ex.Message}", ex);
        }
    }

    /// <summary>Releases the model's native resources (such as an ONNX session).</summary>
    public void Dispose() => (Model as IDisposable)?.Dispose();

    private static void Validate(string path, ModelManifest? manifest)
    {
        if (manifest is null || manifest.Toolkit != ModelManifest.ToolkitName)
        {
            throw new ModelPackageException($"'{path}' is not a CrossModalML model: its manifest does not name {ModelManifest.ToolkitName}.");
        }

        if (manifest.FormatVersion > ModelManifest.CurrentFormatVersion || manifest.FormatVersion < 1)
        {
            throw new ModelPackageException(
                $"'{path}' was written by CrossModalML {manifest.ToolkitVersion} in manifest format {manifest.FormatVersion}; " +
                $"this CrossModalML ({ToolkitInfo.Version}) reads formats 1 to {ModelManifest.CurrentFormatVersion}. Upgrade CrossModalML to load it.");
        }

        if (manifest.Columns is null || manifest.Columns.Count == 0 || string.IsNullOrEmpty(manifest.LabelColumn))
        {
            throw new ModelPackageException($"'{path}': the manifest lists no columns or no label column.");
        }
    }
}
