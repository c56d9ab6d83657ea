namespace CrossModalML.Featurization;

/// <summary>Where and how much the pretrained encoders (<see cref="ImageFeaturizerKind.ResNet18"/>,
/// <see cref="SentenceEncoderKind.MiniLM"/>, <see cref="SentenceEncoderKind.ArcticXs"/>) keep their encodings on disk, so the same image or text is encoded once.</summary>
/// <remarks>
/// <para>An entry is keyed by the SHA-256 of the image file's bytes or the text and by the encoder (name, network hash,
/// settings): an edited image or a new toolkit network is a miss, never a stale hit. Each entry carries a checksum; a
/// truncated or corrupt one is deleted and encoded again. Entries are written to a temporary file and renamed, so
/// processes sharing the folder never read half an entry.</para>
/// <para>When the folder grows past <see cref="MaxBytes"/>, the least recently used entries are deleted.</para>
/// <para>The default folder is <c>$CROSSMODALML_CACHE_DIR</c> when set, else <c>$XDG_CACHE_HOME/crossmodalml</c>, else
/// <c>~/.cache/crossmodalml</c> (on Windows <c>%LOCALAPPDATA%\crossmodalml</c>). <c>CROSSMODALML_NO_CACHE=1</c> turns
/// the default off.</para>
/// </remarks>
public sealed class EncoderCacheOptions
{
    /// <summary>The environment variable naming the default cache folder.</summary>
    public const string DirectoryVariable = "CROSSMODALML_CACHE_DIR";

    /// <summary>The environment variable that turns the default cache off when it is <c>1</c> or <c>true</c>.</summary>
    public const string DisableVariable = "CROSSMODALML_NO_CACHE";

    /// <summary>2 GB: about a million text or 700,000 image encodings.</summary>
    public const long DefaultMaxBytes = 2L * 1024 * 1024 * 1024;

    private static EncoderCacheOptions? _default;

    /// <summary>Whether encodings are read from and written to the folder. Default true. Off, a fit still encodes each
    /// distinct image or text once, but a second run encodes them again.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The cache folder. Default: see the remarks.</summary>
    public string Directory { get; set; } = DefaultDirectory();

    /// <summary>The most the folder may hold, in bytes. Default <see cref="DefaultMaxBytes"/>.</summary>
    public long MaxBytes { get; set; } = DefaultMaxBytes;

    /// <summary>The settings used where none are given: by loaded models when they score posts, and by featurizers
    /// whose <see cref="FeaturizerOptions.EncoderCache"/> is <c>null</c>. Read from the environment on first use;
    /// may be replaced, for example by a command-line flag.</summary>
    public static EncoderCacheOptions Default
    {
        get => Volatile.Read(ref _default) ?? Interlocked.CompareExchange(ref _default, FromEnvironment(), null) ?? _default!;
        set => Volatile.Write(ref _default, value ?? throw new ArgumentNullException(nameof(value)));
    }

    /// <summary>The default folder: see the remarks.</summary>
    public static string DefaultDirectory()
    {
        if (Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } configured)
        {
            return configured;
        }

        if (Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg)
        {
            return Path.Combine(xdg, "crossmodalml");
        }

        if (OperatingSystem.IsWindows())
        {
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "crossmodalml");
        }

        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "crossmodalml");
    }

    internal void Validate()
    {
        if (Enabled && string.IsNullOrWhiteSpace(Directory))
        {
            throw new ArgumentException($"The encoder cache is on but {nameof(Directory)} is empty; name a folder or turn the cache off ({nameof(Enabled)} = false, CLI: --no-cache).");
        }

        if (MaxBytes < 1024 * 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxBytes), MaxBytes, "The encoder cache needs at least 1 MB (1048576 bytes).");
        }
    }

    private static EncoderCacheOptions FromEnvironment()
    {
        var off = Environment.GetEnvironmentVariable(DisableVariable);
        return new EncoderCacheOptions { Enabled = !(off is "1" || string.Equals(off, "true", StringComparison.OrdinalIgnoreCase)) };
    }
}
