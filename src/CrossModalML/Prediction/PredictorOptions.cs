namespace CrossModalML.Prediction;

/// <summary>Settings of a <see cref="CrossModalPredictor"/>.</summary>
public sealed class PredictorOptions
{
    /// <summary>Directory that relative image paths in posts given as dictionaries, typed objects or JSON are resolved
    /// against. Default: <see cref="AllowedImageRoot"/> when that is set, otherwise the current directory at load time.</summary>
    public string? ImageBaseDirectory { get; set; }

    /// <summary>When set, every image path the predictor scores must resolve (after making it absolute, removing
    /// <c>..</c> segments and resolving every symbolic link on it, directories included) to a file inside this
    /// directory; any other path is rejected with an <see cref="ImagePathException"/> before the file is opened or
    /// probed. Files read through <see cref="CrossModalPredictor.LoadInput"/> are held to it too. Default
    /// <see langword="null"/>: any path is accepted, which is only safe when the callers are trusted. Set it whenever
    /// posts come from a network, and let only trusted users write inside it.</summary>
    public string? AllowedImageRoot { get; set; }

    /// <summary>The most pixels (width × height) an image may have, read from its header before anything is decoded,
    /// since a small file can declare a huge image (a 10000 × 10000 PNG of one colour is a few hundred KB on disk and
    /// about 400 MB decoded). A single post with a larger image is rejected with an <see cref="ImagePathException"/>
    /// naming the file and its dimensions; in a file read through <see cref="CrossModalPredictor.LoadInput"/> it is
    /// scored as missing with a warning. Default 40,000,000 (40 megapixels); must be at least 1.</summary>
    public long MaxImagePixels { get; set; } = Data.ImageFileGate.DefaultMaxPixels;

    /// <summary>Whether to watch the model zip and load it again when it changes. Default <see langword="false"/>.</summary>
    /// <remarks>Calls that started before a reload finish on the old model; later calls use the new one. A file that
    /// cannot be loaded keeps the old model in service and is reported in <see cref="CrossModalPredictor.LastReloadError"/>.</remarks>
    public bool ReloadOnChange { get; set; }

    /// <summary>Called with the error when an automatic reload fails (the old model stays in service), on the watcher's
    /// thread; e.g. to log it. It must not throw. Default <see langword="null"/>. The same error is kept in
    /// <see cref="CrossModalPredictor.LastReloadError"/>.</summary>
    public Action<Exception>? ReloadFailed { get; set; }

    /// <summary>How long the file must be quiet after a change before it is reloaded, so a copy in progress is not read
    /// half-written. Default 250 ms.</summary>
    public TimeSpan ReloadDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The most scoring engines kept for reuse. More concurrent callers than this still get an engine, but
    /// the surplus is disposed instead of pooled. Default: twice the processor count.</summary>
    public int MaximumPooledEngines { get; set; } = Environment.ProcessorCount * 2;

    /// <summary>Seed of the predictor's ML.NET context. Scoring is deterministic regardless; default 1.</summary>
    public int Seed { get; set; } = 1;

    internal void Validate()
    {
        if (MaximumPooledEngines < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaximumPooledEngines), MaximumPooledEngines, "MaximumPooledEngines must be at least 1.");
        }

        if (ReloadDelay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ReloadDelay), ReloadDelay, "ReloadDelay must not be negative.");
        }

        if (MaxImagePixels < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxImagePixels), MaxImagePixels, $"PredictorOptions.MaxImagePixels must be at least 1, got {MaxImagePixels}.");
        }

        if (AllowedImageRoot is not null && !Directory.Exists(AllowedImageRoot))
        {
            throw new DirectoryNotFoundException($"PredictorOptions.AllowedImageRoot '{AllowedImageRoot}' is not an existing directory.");
        }
    }
}
