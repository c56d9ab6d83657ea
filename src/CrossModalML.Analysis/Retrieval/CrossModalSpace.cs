using System.IO.Compression;
using System.Text.Json;
using CrossModalML.Data;
using CrossModalML.Featurization;
using CrossModalML.Featurization.Image;
using CrossModalML.Packaging;
using MathNet.Numerics.LinearAlgebra;
using Microsoft.ML;
using CrossModalML.IO;

namespace CrossModalML.Analysis.Retrieval;

/// <summary>A shared space for texts and images, learned from paired posts: each side is featurized by CrossModalML
/// (TF-IDF n-grams, optionally with word vectors, for text; built-in statistics or an ONNX embedding for images — any
/// encoder <see cref="RetrievalOptions.Text"/> and <see cref="RetrievalOptions.Image"/> can name), reduced to its top
/// principal components when wide, and related by the <see cref="RetrievalMethod"/> that retrieves better: regularised
/// CCA onto canonical components, or a ridge least-squares map from text features onto image features.</summary>
/// <remarks>
/// <para>A point in the space has <see cref="Components"/> coordinates, scaled to unit length, so the cosine of two
/// points is their dot product. With CCA they are the canonical variates, each weighted by its canonical correlation
/// (so weakly shared directions count less); with least squares they are (predicted) centred image features.</para>
/// <para>Thread-safety: immutable after <see cref="Fit"/> or <see cref="Load"/>; projecting may run on several threads
/// at once. Ownership: holds ML.NET models (and an ONNX session with an image encoder); dispose it when done.</para>
/// <para>What a saved space contains: the fitted ML.NET featurizers (their TF-IDF vocabulary is made of words and
/// character n-grams from the training texts, as in any text model; an ONNX encoder is stored whole), the principal
/// components and the CCA matrices. It holds no post, id or path.</para>
/// </remarks>
public sealed class CrossModalSpace : IDisposable
{
    internal const string ManifestEntry = "retrieval/space.json";
    private const string TextModelEntry = "retrieval/text-featurizer.zip";
    private const string ImageModelEntry = "retrieval/image-featurizer.zip";
    private const string MatricesEntry = "retrieval/projections.bin";
    private const int MinimumPairs = 10;

    private readonly ModalityFeaturizer _text;
    private readonly ModalityFeaturizer _image;
    private readonly CanonicalCorrelationModel _cca;
    private readonly Vector<double> _weights;
    private bool _disposed;

    private CrossModalSpace(ModalityFeaturizer text, ModalityFeaturizer image, CanonicalCorrelationModel cca, RetrievalMethod method, string methodReason, double regularization, int trainingPairs)
    {
        _text = text;
        _image = image;
        _cca = cca;
        Method = method;
        MethodReason = methodReason;
        Regularization = regularization;
        TrainingPairs = trainingPairs;
        _weights = Vector<double>.Build.DenseOfEnumerable(cca.Correlations);
    }

    /// <summary>How the space relates texts and images: <see cref="RetrievalMethod.Cca"/>,
    /// <see cref="RetrievalMethod.PartialLeastSquares"/> or <see cref="RetrievalMethod.LeastSquares"/> (never
    /// <see cref="RetrievalMethod.Auto"/>).</summary>
    public RetrievalMethod Method { get; }

    /// <summary>Why <see cref="Method"/> was used, e.g. the held-back recall of both methods when it was chosen automatically.</summary>
    public string MethodReason { get; }

    /// <summary>The text column the space reads.</summary>
    public string TextColumn => _text.Column;

    /// <summary>The image column the space reads.</summary>
    public string ImageColumn => _image.Column;

    /// <summary>The space's dimension: the number of canonical components with CCA, the image side's width with least squares.</summary>
    public int Components => _cca.Components;

    /// <summary>The canonical correlations (with PLS, the correlations of the paired projections) on the training pairs,
    /// one per component; empty with least squares.</summary>
    public IReadOnlyList<double> Correlations => Method == RetrievalMethod.LeastSquares ? [] : _cca.Correlations;

    /// <summary>The text side's width before CCA (after any principal-component reduction).</summary>
    public int TextDimensions => _text.Dimensions;

    /// <summary>The image side's width before CCA (after any principal-component reduction).</summary>
    public int ImageDimensions => _image.Dimensions;

    /// <summary>The ONNX image encoder, or <see langword="null"/> for the built-in image statistics.</summary>
    public ImageModelInfo? ImageModel => _image.ImageModel;

    /// <summary>The pretrained encoders shipped with the library that the space runs (MiniLM on the text side, ResNet18
    /// on the image side), recorded in a saved space so that a query is embedded by the same networks; empty for none.</summary>
    public IReadOnlyList<PretrainedEncoderInfo> Encoders => [.. _text.Encoders, .. _image.Encoders];

    /// <summary>The covariance shrinkage λ the space was fitted with: <see cref="RetrievalOptions.Regularization"/>, or
    /// with <see cref="RetrievalMethod.Auto"/> the λ chosen on held-back pairs (0 for PLS, which has none).</summary>
    public double Regularization { get; }

    /// <summary>How many text–image pairs the space was fitted on.</summary>
    public int TrainingPairs { get; }

    /// <summary>The fitted linear part: with CCA, the means and canonical directions of both sides; with least squares,
    /// the text projection is the ridge map onto the image features and the image projection the identity.</summary>
    public CanonicalCorrelationModel Canonical => _cca;

    /// <summary>Learns a space from the posts that have both a non-blank text and a usable image.</summary>
    /// <param name="data">The posts. Posts missing either modality are skipped.</param>
    /// <param name="options">Columns, featurizers, dimensions; <see langword="null"/> for the defaults.</param>
    /// <param name="progress">Receives short progress messages, if given.</param>
    /// <param name="cancellationToken">Checked between the stages.</param>
    /// <exception cref="ArgumentException">The text or image column is missing or ambiguous, fewer than 10 posts have
    /// both modalities, or an option is invalid.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="RetrievalOptions.Components"/> exceeds a side's dimension.</exception>
    public static CrossModalSpace Fit(PostDataset data, RetrievalOptions? options = null, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new RetrievalOptions();
        options.Validate();
        var pairs = RetrievalPairs.From(data, options);
        if (pairs.Count < MinimumPairs)
        {
            throw new ArgumentException(
                $"Only {pairs.Count} posts have both a text in '{pairs.TextColumn}' and a usable image in '{pairs.ImageColumn}'; " +
                $"learning a shared space needs at least {MinimumPairs}.", nameof(data));
        }

        using var featurized = FeaturizedPairs.Fit(pairs, options, progress, cancellationToken);
        var choice = options.Method == RetrievalMethod.Auto
            ? SharedSpaceFitter.Choose(featurized.TextFeatures, featurized.ImageFeatures, options)
            : SpaceChoice.Given(options);
        progress?.Report($"Fitting {SharedSpaceFitter.ShortName(choice.Method)} on {featurized.Text.Dimensions} text × {featurized.Image.Dimensions} image dimensions ({choice.Reason}).");
        var model = SharedSpaceFitter.Fit(choice.Method, featurized.TextFeatures, featurized.ImageFeatures, options, choice.Regularization);
        var (text, image) = featurized.Release();
        return new CrossModalSpace(text, image, model, choice.Method, choice.Reason, choice.Regularization, pairs.Count);
    }

    /// <summary>Maps texts into the space.</summary>
    /// <param name="texts">The texts; an empty text maps to the point of a text with no known n-gram.</param>
    /// <returns>One unit-length vector of <see cref="Components"/> values per text, in order.</returns>
    public IReadOnlyList<float[]> ProjectTexts(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (texts.Any(t => t is null))
        {
            throw new ArgumentException("A text is null; pass an empty string for an empty text.", nameof(texts));
        }

        return ToRows(EmbedTextFeatures(_text.Transform(texts)));
    }

    /// <summary>Maps image files into the space.</summary>
    /// <param name="imagePaths">Image files, absolute or relative to the current directory.</param>
    /// <returns>One unit-length vector of <see cref="Components"/> values per image, in order.</returns>
    /// <exception cref="FileNotFoundException">An image file does not exist.</exception>
    /// <exception cref="ArgumentException">An image file cannot be decoded.</exception>
    public IReadOnlyList<float[]> ProjectImages(IReadOnlyList<string> imagePaths)
    {
        ArgumentNullException.ThrowIfNull(imagePaths);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var fullPaths = new string[imagePaths.Count];
        for (int i = 0; i < fullPaths.Length; i++)
        {
            fullPaths[i] = CheckedImagePath(imagePaths[i]);
        }

        return ToRows(EmbedImageFeatures(_image.Transform(fullPaths)));
    }

    /// <summary>Writes the space to a zip file (created, or replaced once complete).</summary>
    /// <param name="path">The file to write.</param>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ObjectDisposedException.ThrowIf(_disposed, this);
        AtomicFile.Write(path, stream =>
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
            WriteTo(zip);
        });
    }

    /// <summary>Loads a space written by <see cref="Save"/> or inside a <see cref="SearchIndex"/> file.</summary>
    /// <param name="path">The zip. Load only files you trust: an ML.NET model is code-like configuration.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a CrossModalML retrieval space, or from a newer format.</exception>
    public static CrossModalSpace Load(string path)
    {
        using var zip = OpenZip(path);
        return ReadFrom(zip, path);
    }

    /// <summary>Releases the featurizers' native resources.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _text.Dispose();
        _image.Dispose();
    }

    internal Matrix<double> EmbedTextFeatures(Matrix<double> features) => SharedSpaceFitter.Embed(_cca.TransformX(features), _weights);

    internal Matrix<double> EmbedImageFeatures(Matrix<double> features) => SharedSpaceFitter.Embed(_cca.TransformY(features), _weights);

    internal static string CheckedImagePath(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException("The image path is empty; pass the path of a .jpg, .png or other image file.", nameof(path));
        }

        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"Image '{fullPath}' does not exist.", fullPath);
        }

        if (!ImageDecoding.IsDecodable(fullPath))
        {
            throw new ArgumentException($"Image '{fullPath}' exists but cannot be decoded; use a JPEG, PNG, GIF, BMP or WebP file.", nameof(path));
        }

        return fullPath;
    }

    internal static ZipArchive OpenZip(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"Retrieval file '{fullPath}' does not exist.", fullPath);
        }

        try
        {
            return ZipFile.OpenRead(fullPath);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"'{fullPath}' is not a zip file, so it is not a CrossModalML retrieval space: {ex.Message}", ex);
        }
    }

    internal void WriteTo(ZipArchive zip)
    {
        var manifest = new SpaceManifest(
            SpaceManifest.CurrentFormatVersion, ToolkitInfo.Version, TextColumn, ImageColumn, _text.OutputColumn, _image.OutputColumn,
            TextDimensions, ImageDimensions, Components, Regularization, TrainingPairs, [.. _cca.Correlations], ImageModel, Method, MethodReason,
            _text.Encoders, _image.Encoders);
        using (var stream = zip.CreateEntry(ManifestEntry).Open())
        {
            JsonSerializer.Serialize(stream, manifest, ManifestJson.Options);
        }

        WriteModel(zip, TextModelEntry, _text);
        WriteModel(zip, ImageModelEntry, _image);
        using (var writer = new BinaryWriter(zip.CreateEntry(MatricesEntry).Open()))
        {
            MatrixIO.Write(writer, _cca.MeanX.ToColumnMatrix());
            MatrixIO.Write(writer, _cca.MeanY.ToColumnMatrix());
            MatrixIO.Write(writer, _cca.ProjectionX);
            MatrixIO.Write(writer, _cca.ProjectionY);
        }
    }

    internal static CrossModalSpace ReadFrom(ZipArchive zip, string path)
    {
        var manifestEntry = zip.GetEntry(ManifestEntry)
            ?? throw new InvalidDataException($"'{path}' has no '{ManifestEntry}' entry, so it is not a CrossModalML retrieval space (write one with 'crossmodal search fit' or CrossModalSpace.Save).");
        SpaceManifest manifest;
        try
        {
            using var stream = manifestEntry.Open();
            manifest = JsonSerializer.Deserialize<SpaceManifest>(stream, ManifestJson.Options)
                ?? throw new InvalidDataException($"'{path}': '{ManifestEntry}' is empty.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"'{path}': '{ManifestEntry}' is not valid JSON ({ex.Message}).", ex);
        }

        if (manifest.FormatVersion != SpaceManifest.CurrentFormatVersion)
        {
            throw new InvalidDataException(
                $"'{path}' is a retrieval space of format {manifest.FormatVersion} (CrossModalML {manifest.ToolkitVersion}); this version reads format {SpaceManifest.CurrentFormatVersion}. Refit it with this version.");
        }

        Matrix<double> meanX, meanY, projectionX, projectionY;
        using (var reader = new BinaryReader(RequiredEntry(zip, MatricesEntry, path).Open()))
        {
            meanX = MatrixIO.Read(reader, manifest.TextDimensions, 1, path);
            meanY = MatrixIO.Read(reader, manifest.ImageDimensions, 1, path);
            projectionX = MatrixIO.Read(reader, manifest.TextDimensions, manifest.Components, path);
            projectionY = MatrixIO.Read(reader, manifest.ImageDimensions, manifest.Components, path);
        }

        CheckEncoders(path, manifest);
        var mlContext = new MLContext(1);
        CrossModalRegistration.Register(mlContext);
        var text = ReadModel(mlContext, zip, TextModelEntry, path, manifest.TextColumn, manifest.TextOutputColumn, manifest.TextDimensions, null, manifest.TextEncoders ?? []);
        try
        {
            var image = ReadModel(mlContext, zip, ImageModelEntry, path, manifest.ImageColumn, manifest.ImageOutputColumn, manifest.ImageDimensions, manifest.ImageModel, manifest.ImageEncoders ?? []);
            var cca = new CanonicalCorrelationModel(meanX.Column(0), meanY.Column(0), projectionX, projectionY, manifest.Correlations);
            return new CrossModalSpace(text, image, cca, manifest.Method, manifest.MethodReason ?? "set when the space was fitted", manifest.Regularization, manifest.TrainingPairs);
        }
        catch
        {
            text.Dispose();
            throw;
        }
    }

    private static IReadOnlyList<float[]> ToRows(Matrix<double> m) =>
        Enumerable.Range(0, m.RowCount).Select(r => m.Row(r).Select(v => (float)v).ToArray()).ToArray();

    private static void WriteModel(ZipArchive zip, string entryName, ModalityFeaturizer featurizer)
    {
        // ML.NET writes its own zip and needs a seekable stream; a zip entry's stream is not.
        using var buffer = new MemoryStream();
        featurizer.Save(buffer);
        using var entry = zip.CreateEntry(entryName, CompressionLevel.NoCompression).Open();
        buffer.Position = 0;
        buffer.CopyTo(entry);
    }

    /// <summary>A space embeds queries with the encoders it was fitted with; a library whose encoder differs (another
    /// network or settings) would place queries where the indexed items are not, so such a file is refused.</summary>
    private static void CheckEncoders(string path, SpaceManifest manifest)
    {
        try
        {
            ModelPackage.CheckEncoders(path, manifest.ToolkitVersion, [.. manifest.TextEncoders ?? [], .. manifest.ImageEncoders ?? []]);
        }
        catch (ModelPackageException ex)
        {
            throw new InvalidDataException(
                $"{ex.Message} A retrieval space must embed queries with the encoder its index was built with; refit it with this version ('crossmodal search fit' or CrossModalSpace.Fit).", ex);
        }
    }

    private static ModalityFeaturizer ReadModel(MLContext mlContext, ZipArchive zip, string entryName, string path, string column, string outputColumn, int dimensions, ImageModelInfo? imageModel, IReadOnlyList<PretrainedEncoderInfo> encoders)
    {
        using var buffer = new MemoryStream();
        using (var entry = RequiredEntry(zip, entryName, path).Open())
        {
            entry.CopyTo(buffer);
        }

        buffer.Position = 0;
        try
        {
            return ModalityFeaturizer.Load(mlContext, buffer, column, outputColumn, dimensions, imageModel, encoders);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"'{path}': the featurizer '{entryName}' could not be loaded with ML.NET {ToolkitInfo.MlNetVersion}: {ex.Message}", ex);
        }
    }

    internal static ZipArchiveEntry RequiredEntry(ZipArchive zip, string entryName, string path) =>
        zip.GetEntry(entryName) ?? throw new InvalidDataException($"'{path}' lacks the entry '{entryName}'; the file is incomplete or not a CrossModalML retrieval file.");
}
