using System.IO.Compression;
using System.Text.Json;
using CrossModalML.Data;
using CrossModalML.IO;
using CrossModalML.Featurization;
using CrossModalML.Featurization.Encoders;
using CrossModalML.Training;
using CrossModalML.Privacy;
using Microsoft.ML;
using Microsoft.ML.Data;

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

    /// <summary>Writes a model zip. The file is written beside the target and moved into place only when complete (see
    /// <see cref="StagedFile"/>), so a reader never sees half a file and a failed save leaves an existing file as it was.</summary>
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
        using var staged = StagedFile.Create(path);
        mlContext.Model.Save(model, inputSchema, staged.Stream);
        staged.Stream.Position = 0;
        using (var zip = new ZipArchive(staged.Stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            // Each model gets its own salt, so user pseudonyms are stable within it and unlinkable across models.
            var userIds = UserIdHasher.CreateRandom();
            userIds.WriteTo(zip);
            manifest = manifest with { UserIdSaltId = userIds.SaltId };
            var entry = zip.CreateEntry(ManifestEntryName, CompressionLevel.Optimal);
            using var stream = entry.Open();
            JsonSerializer.Serialize(stream, manifest, ManifestJson.Options);
        }

        staged.Commit();
    }

    /// <summary>Reads only the manifest of a model zip.</summary>
    /// <param name="path">The zip.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ModelPackageException">The path is a folder, the file is not a CrossModalML model, comes from an incompatible version, or
    /// its manifest is invalid: a required field is missing, the task is not Binary, Multiclass or Regression, the columns,
    /// label, classes or trainer do not fit together.</exception>
    public static ModelManifest ReadManifest(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Directory.Exists(path))
        {
            throw new ModelPackageException($"'{path}' is a folder, not a model file; give the path of the model .zip.");
        }

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
            throw new ModelPackageException($"'{path}' is not a CrossModalML model: it is not a zip file, or its zip directory is damaged ({ex.Message}).", ex);
        }

        using (zip)
        {
            ModelManifest? manifest;
            try
            {
                var entry = zip.GetEntry(ManifestEntryName) ?? throw new ModelPackageException(
                    $"'{path}' is not a CrossModalML model: it has no '{ManifestEntryName}'. " +
                    "If it is a plain ML.NET model, load it with MLContext.Model.Load instead.");
                using var stream = entry.Open();
                manifest = JsonSerializer.Deserialize<ModelManifest>(stream, ManifestJson.Options);
            }
            catch (JsonException ex)
            {
                throw new ModelPackageException($"'{path}': the manifest is not valid ({ex.Message}).", ex);
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or NotSupportedException or ArgumentException)
            {
                // The zip's directory is read lazily, so a damaged one shows here rather than at open.
                throw new ModelPackageException($"'{path}': the zip is damaged; its manifest '{ManifestEntryName}' cannot be read ({Describe(ex)})", ex);
            }

            Validate(path, manifest);
            return manifest!;
        }
    }

    /// <summary>Loads a model zip and checks its manifest.</summary>
    /// <param name="mlContext">The context to load into; CrossModalML's transforms are registered on it.</param>
    /// <param name="path">The zip.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ModelPackageException">As for <see cref="ReadManifest"/>, or the manifest's columns do not match the
    /// input schema of the ML.NET model in the zip (a column missing, extra or of the wrong type), or ML.NET cannot load the model.</exception>
    public static ModelPackage Load(MLContext mlContext, string path)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        var manifest = ReadManifest(path);
        CrossModalRegistration.Register(mlContext);
        try
        {
            var model = mlContext.Model.Load(path, out var inputSchema);
            try
            {
                CheckSchema(path, manifest, inputSchema);
            }
            catch
            {
                (model as IDisposable)?.Dispose();
                throw;
            }

            return new ModelPackage(model, inputSchema, manifest);
        }
        catch (Exception ex) when (ex is not (ModelPackageException or OperationCanceledException))
        {
            // ML.NET reports a damaged or foreign model entry with whatever its reader hits first (a format, end-of-stream,
            // index, cast or reflection error): at this boundary all of them mean the same thing.
            throw new ModelPackageException(
                $"'{path}' has a valid manifest (CrossModalML {manifest.ToolkitVersion}, ML.NET {manifest.MlNetVersion}) " +
                $"but its ML.NET model could not be loaded with ML.NET {ToolkitInfo.MlNetVersion}: {Describe(ex)} " +
                "The zip may be damaged or edited; use the file as saved by CrossModalML.", ex);
        }
    }

    /// <summary>The innermost useful message of a loading error, past reflection and aggregate wrappers.</summary>
    internal static string Describe(Exception error)
    {
        while (error is System.Reflection.TargetInvocationException or AggregateException or TypeInitializationException && error.InnerException is not null)
        {
            error = error.InnerException;
        }

        var message = error.Message.Trim();
        return $"{error.GetType().Name}: {(message.EndsWith('.') ? message : message + ".")}";
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

        // The checks below catch a manifest edited or damaged after saving: every later use (scoring schema, retraining,
        // probabilities by class) trusts these fields.
        string Invalid(string problem) => $"'{path}': the manifest is not valid: {problem}. It may have been edited or damaged; use the zip as saved by CrossModalML.";
        if (manifest.Columns is null || manifest.Columns.Count == 0 || string.IsNullOrEmpty(manifest.LabelColumn))
        {
            throw new ModelPackageException(Invalid("it lists no columns or no label column"));
        }

        if (manifest.Task is not (TaskKind.Binary or TaskKind.Multiclass or TaskKind.Regression))
        {
            throw new ModelPackageException(Invalid($"task '{manifest.Task}' is not one a model can have (Binary, Multiclass or Regression)"));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var column in manifest.Columns)
        {
            if (column is null || string.IsNullOrEmpty(column.Name) || !Enum.IsDefined(column.Role))
            {
                throw new ModelPackageException(Invalid($"a column entry has no name or an unknown role ({column?.Name ?? "null"}: {column?.Role.ToString() ?? "none"})"));
            }

            if (!names.Add(column.Name))
            {
                throw new ModelPackageException(Invalid($"column '{column.Name}' is listed twice"));
            }
        }

        var labels = manifest.Columns.Where(c => c.Role == ColumnRole.Label).Select(c => c.Name).ToList();
        if (labels.Count != 1 || labels[0] != manifest.LabelColumn)
        {
            throw new ModelPackageException(Invalid(
                $"the label column is '{manifest.LabelColumn}', but the columns with role Label are [{string.Join(", ", labels)}]"));
        }

        if (!manifest.Columns.Any(c => c.Role is ColumnRole.Text or ColumnRole.Image or ColumnRole.Numeric or ColumnRole.Categorical or ColumnRole.Timestamp))
        {
            throw new ModelPackageException(Invalid("no column has a role the model can learn from (Text, Image, Numeric, Categorical or Timestamp)"));
        }

        var classes = manifest.ClassLabels ?? [];
        bool classesFit = manifest.Task switch
        {
            TaskKind.Binary => classes.Count == 2,
            TaskKind.Multiclass => classes.Count >= 2,
            _ => classes.Count == 0,
        };
        if (!classesFit || classes.Any(string.IsNullOrEmpty) || classes.Distinct(StringComparer.Ordinal).Count() != classes.Count)
        {
            throw new ModelPackageException(Invalid(
                $"a {manifest.Task} model cannot have the classes [{string.Join(", ", classes)}] " +
                "(binary needs 2, multiclass at least 2, regression none; each non-empty and listed once)"));
        }

        if (manifest.Featurizer is null || manifest.Data is null)
        {
            throw new ModelPackageException(Invalid("the featurizer settings or the data summary are missing"));
        }

        if (manifest.Trainer is null || !TrainerNames.For(manifest.Task).Contains(manifest.Trainer.Name))
        {
            throw new ModelPackageException(Invalid(
                $"trainer '{manifest.Trainer?.Name}' is not a {manifest.Task} trainer (valid: {string.Join(", ", TrainerNames.For(manifest.Task))})"));
        }

        CheckEncoders(path, manifest.ToolkitVersion, manifest.Encoders);
    }

    /// <summary>A model runs the pretrained encoders shipped with this library; it must name ones this library ships,
    /// with the same network, or its features would silently differ from those it was trained on.</summary>
    internal static void CheckEncoders(string path, string toolkitVersion, IReadOnlyList<PretrainedEncoderInfo>? encoders)
    {
        foreach (var encoder in encoders ?? [])
        {
            var shipped = PretrainedEncoders.Find(encoder?.Name)
                ?? throw new ModelPackageException(
                    $"'{path}': the manifest names pretrained encoder '{encoder?.Name}', which this library does not ship (it ships {string.Join(", ", PretrainedEncoders.Names)}).");
            if (!string.Equals(shipped.NetworkSha256, encoder!.Sha256, StringComparison.OrdinalIgnoreCase) || shipped.Settings != encoder.Settings)
            {
                throw new ModelPackageException(
                    $"'{path}' was trained with encoder {encoder.Name} (SHA-256 {encoder.Sha256}, {encoder.Settings}), but this version of CrossModalML " +
                    $"ships another ({shipped.NetworkSha256}, {shipped.Settings}); its features would differ. Use the CrossModalML version that trained it " +
                    $"({toolkitVersion}) or retrain the model.");
            }
        }
    }

    /// <summary>The manifest says what a post to score provides; the ML.NET model says what it reads. They must agree, or
    /// scoring would feed the model columns it does not know or values of the wrong type.</summary>
    private static void CheckSchema(string path, ModelManifest manifest, DataViewSchema inputSchema)
    {
        var problems = new List<string>();
        var listed = manifest.Columns.Where(c => c.Role != ColumnRole.Ignore).ToList();
        foreach (var column in listed)
        {
            bool number = column.Role == ColumnRole.Numeric || (column.Role == ColumnRole.Label && manifest.Task == TaskKind.Regression);
            var expected = number ? (DataViewType)NumberDataViewType.Single : TextDataViewType.Instance;
            var actual = inputSchema.GetColumnOrNull(column.Name);
            if (actual is null)
            {
                problems.Add($"'{column.Name}' ({column.Role}) is not an input of the model");
            }
            else if (!actual.Value.Type.Equals(expected))
            {
                problems.Add($"'{column.Name}' ({column.Role}) should be {expected} but the model reads {actual.Value.Type}");
            }
        }

        var unlisted = inputSchema.Where(c => !c.IsHidden && !listed.Any(l => l.Name == c.Name)).Select(c => $"'{c.Name}'").ToList();
        if (unlisted.Count > 0)
        {
            problems.Add($"the model reads {string.Join(", ", unlisted)}, which the manifest does not list as an input (missing, or marked Ignore)");
        }

        if (problems.Count > 0)
        {
            throw new ModelPackageException(
                $"'{path}': the manifest's columns do not match the ML.NET model inside the zip: {string.Join("; ", problems)}. " +
                "The manifest may have been edited, or taken from another model.");
        }
    }
}
