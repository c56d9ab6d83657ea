using CrossModalML.Data;
using CrossModalML.Packaging;

namespace CrossModalML.Prediction;

/// <summary>How a predictor reads posts: post files and in-memory rows become data sets typed by the model's columns,
/// with every image judged by the predictor's image root and pixel limit before anything opens it.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed class PredictorInput
{
    private readonly string? _allowedImageRoot;
    private readonly long _maxImagePixels;

    public PredictorInput(PredictorOptions options)
    {
        _allowedImageRoot = options.AllowedImageRoot;
        _maxImagePixels = options.MaxImagePixels;
        var baseDirectory = options.ImageBaseDirectory ?? options.AllowedImageRoot ?? Directory.GetCurrentDirectory();
        Images = new ImagePathPolicy(Path.GetFullPath(baseDirectory), new ImageFileGate(options.AllowedImageRoot, options.MaxImagePixels));
    }

    /// <summary>The policy for image cells of posts given in code or JSON.</summary>
    public ImagePathPolicy Images { get; }

    /// <summary>A post file typed against the model's columns; see <see cref="PostDatasetLoader.LoadForScoring"/>.</summary>
    public PostDataset LoadFile(ModelManifest manifest, string path, bool requireLabel, PostLoadOptions? options) =>
        PostDatasetLoader.LoadForScoring(path, manifest.Columns, manifest.Task, manifest.ClassLabels, requireLabel, WithImageLimits(options));

    /// <summary>A post file in chunks; see <see cref="PostDatasetLoader.LoadForScoringInChunks"/>. With
    /// <paramref name="keepLabel"/>, the label column is read as an ignored column when the file has it: its values kept as
    /// written, none checked, no row skipped.</summary>
    public IEnumerable<PostDataset> LoadFileInChunks(ModelManifest manifest, string path, int chunkRows, PostLoadOptions? options, bool keepLabel = false)
    {
        var schema = keepLabel
            ? manifest.Columns.Select(c => c.Role == ColumnRole.Label ? c with { Role = ColumnRole.Ignore } : c).ToList()
            : manifest.Columns;
        return PostDatasetLoader.LoadForScoringInChunks(path, schema, manifest.Task, manifest.ClassLabels, chunkRows, WithImageLimits(options));
    }

    /// <summary>Posts given as column → text dictionaries, as one data set.</summary>
    /// <exception cref="ImagePathException">An image path is outside the allowed root.</exception>
    public PostDataset FromRows(ModelGeneration generation, IReadOnlyList<IReadOnlyDictionary<string, string?>> rows)
    {
        var imageColumns = generation.Columns.Where(c => c.Role == ColumnRole.Image).ToList();
        foreach (var row in rows)
        {
            foreach (var column in imageColumns)
            {
                if (row is not null && row.TryGetValue(column.Name, out var cell))
                {
                    // Only the root check matters here; the data set below resolves the paths itself.
                    Images.Resolve(column.Name, cell);
                }
            }
        }

        var schema = generation.Manifest.Columns.Where(c => c.Role != ColumnRole.Label).ToList();
        return PostDataset.FromRowsWithImageGate(schema, generation.Manifest.Task, generation.Manifest.ClassLabels, rows, Images.BaseDirectory, Images.Gate);
    }

    /// <summary>Checks the image paths of a data set against the root, unless it was loaded under this same root.</summary>
    /// <exception cref="ImagePathException">An image path is outside the allowed root.</exception>
    public void EnsureImagesAllowed(PostDataset posts)
    {
        if (Images.Gate.Root is null || posts.ImagesCheckedAgainstRoot == Images.Gate.Root)
        {
            return;
        }

        foreach (var column in posts.Columns.Where(c => c.Role == ColumnRole.Image))
        {
            foreach (var path in posts.GetColumnValues(column.Name))
            {
                Images.EnsureAllowed(column.Name, path);
            }
        }
    }

    /// <summary>The caller's load options with this predictor's image root and pixel limit, so that a file's images are
    /// judged before anything opens them.</summary>
    private PostLoadOptions WithImageLimits(PostLoadOptions? options) =>
        (options ?? new PostLoadOptions()).WithImageLimits(_allowedImageRoot, _maxImagePixels);
}
