using System.IO.Compression;
using CrossModalML.Data;
using CrossModalML.IO;

namespace CrossModalML.Analysis.Retrieval;

/// <summary>Posts projected into a <see cref="CrossModalSpace"/>, searchable across modalities: the images that best
/// match a text, and the texts that best match an image.</summary>
/// <remarks>
/// <para>Scores are cosine similarities in the shared space; a search compares the query with every indexed item
/// (exact, linear in the index size). Posts with a blank text are not returned by <see cref="FindTextsForImage"/>, and
/// posts without a usable image are not returned by <see cref="FindImagesForText"/>.</para>
/// <para>What an index stores, and so what a saved index file contains: the space (see <see cref="CrossModalSpace"/>),
/// and for each post its id (the data set's id column, or <c>line N</c>), an excerpt of its text (the first
/// <see cref="DefaultExcerptLength"/> characters unless <see cref="Build"/> is told otherwise; 0 stores none), the full
/// path of its image and its projected vectors, so that a hit can be shown without the data set. Image paths are
/// stored as they were; an index moved to another machine returns paths that may not exist there.</para>
/// <para>Thread-safety: immutable; searches may run on several threads at once. Ownership: an index made by
/// <see cref="Build"/> does not own the space passed in; one made by <see cref="Load"/> owns the space it loaded and
/// disposes it in <see cref="Dispose"/>.</para>
/// </remarks>
public sealed class SearchIndex : IDisposable
{
    /// <summary>The characters of each post's text an index keeps by default.</summary>
    public const int DefaultExcerptLength = 160;

    private const string IndexEntry = "retrieval/index.bin";
    private const int IndexFormatVersion = 2;
    private const int IdsOnlyFormatVersion = 1;

    private readonly bool _ownsSpace;
    private readonly Entries _texts;
    private readonly Entries _images;
    private bool _disposed;

    private SearchIndex(CrossModalSpace space, bool ownsSpace, Entries texts, Entries images)
    {
        Space = space;
        _ownsSpace = ownsSpace;
        _texts = texts;
        _images = images;
    }

    /// <summary>The space the items are projected into.</summary>
    public CrossModalSpace Space { get; }

    /// <summary>How many posts have an indexed text.</summary>
    public int TextCount => _texts.Ids.Length;

    /// <summary>How many posts have an indexed image.</summary>
    public int ImageCount => _images.Ids.Length;

    /// <summary>Projects posts into a space and indexes them.</summary>
    /// <param name="space">The learned space; the index uses it for queries but does not dispose it.</param>
    /// <param name="posts">The posts, with the space's text and image columns (image as an image column).</param>
    /// <param name="excerptLength">Characters of each post's text kept for the hits (0 keeps no text; the ids and image
    /// paths are still kept).</param>
    /// <returns>The index. Posts lacking a modality are indexed only by the other.</returns>
    /// <exception cref="ArgumentException">The posts lack the space's text or image column.</exception>
    public static SearchIndex Build(CrossModalSpace space, PostDataset posts, int excerptLength = DefaultExcerptLength)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(posts);
        ArgumentOutOfRangeException.ThrowIfNegative(excerptLength);
        RetrievalPairs.ResolveColumns(posts, new RetrievalOptions { TextColumn = space.TextColumn, ImageColumn = space.ImageColumn });
        var ids = RetrievalPairs.PostIds(posts);
        var texts = posts.GetColumnValues(space.TextColumn);
        var images = posts.GetColumnValues(space.ImageColumn);
        var withText = Enumerable.Range(0, posts.RowCount).Where(r => !string.IsNullOrWhiteSpace(texts[r])).ToArray();
        var withImage = Enumerable.Range(0, posts.RowCount).Where(r => images[r].Length > 0).ToArray();
        var textVectors = space.ProjectTexts(withText.Select(r => texts[r]).ToArray());
        var imageVectors = withImage.Length == 0 ? [] : space.ProjectImages(withImage.Select(r => images[r]).ToArray());
        Entries Of(int[] rows, IReadOnlyList<float[]> vectors) => new(
            rows.Select(r => ids[r]).ToArray(),
            rows.Select(r => Excerpt(texts[r], excerptLength)).ToArray(),
            rows.Select(r => images[r].Length > 0 ? Path.GetFullPath(images[r]) : null).ToArray(),
            [.. vectors]);
        return new SearchIndex(space, ownsSpace: false, Of(withText, textVectors), Of(withImage, imageVectors));
    }

    /// <summary>The first <paramref name="length"/> characters of a text on one line, with "…" when cut.</summary>
    internal static string Excerpt(string text, int length)
    {
        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return length == 0 ? string.Empty : line.Length <= length ? line : line[..(length - 1)].TrimEnd() + "…";
    }

    /// <summary>Finds the indexed images closest to a text.</summary>
    /// <param name="text">The query text.</param>
    /// <param name="k">How many hits to return at most; at least 1.</param>
    /// <returns>Up to <paramref name="k"/> hits, best first; ties keep index order.</returns>
    /// <exception cref="ArgumentException">The text is empty or blank.</exception>
    public IReadOnlyList<SearchHit> FindImagesForText(string text, int k)
    {
        ArgumentNullException.ThrowIfNull(text);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException("The query text is empty; pass some words to search images for.", nameof(text));
        }

        CheckK(k);
        return _images.Top(Space.ProjectTexts([text])[0], k);
    }

    /// <summary>Finds the indexed texts closest to an image.</summary>
    /// <param name="imagePath">The query image file, absolute or relative to the current directory.</param>
    /// <param name="k">How many hits to return at most; at least 1.</param>
    /// <returns>Up to <paramref name="k"/> hits, best first; ties keep index order.</returns>
    /// <exception cref="FileNotFoundException">The image does not exist.</exception>
    /// <exception cref="ArgumentException">The path is empty or the file cannot be decoded as an image.</exception>
    public IReadOnlyList<SearchHit> FindTextsForImage(string imagePath, int k)
    {
        ArgumentNullException.ThrowIfNull(imagePath);
        ObjectDisposedException.ThrowIf(_disposed, this);
        CheckK(k);
        return _texts.Top(Space.ProjectImages([imagePath])[0], k);
    }

    /// <summary>Writes the space and the index to one zip file (created, or replaced once complete).</summary>
    /// <param name="path">The file to write.</param>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ObjectDisposedException.ThrowIf(_disposed, this);
        AtomicFile.Write(path, stream =>
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
            Space.WriteTo(zip);
            using var writer = new BinaryWriter(zip.CreateEntry(IndexEntry).Open());
            writer.Write(IndexFormatVersion);
            writer.Write(Space.Components);
            _texts.Write(writer);
            _images.Write(writer);
        });
    }

    /// <summary>Loads an index written by <see cref="Save"/>, with its space.</summary>
    /// <param name="path">The zip. Load only files you trust: it contains ML.NET models.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a CrossModalML search index (a bare space has no index).</exception>
    public static SearchIndex Load(string path)
    {
        using var zip = CrossModalSpace.OpenZip(path);
        var indexEntry = zip.GetEntry(IndexEntry)
            ?? throw new InvalidDataException(
                zip.GetEntry(CrossModalSpace.ManifestEntry) is null
                    ? $"'{path}' is not a CrossModalML search index (write one with 'crossmodal search fit' or SearchIndex.Save)."
                    : $"'{path}' holds a retrieval space but no index; load it with CrossModalSpace.Load and index posts with SearchIndex.Build.");
        var space = CrossModalSpace.ReadFrom(zip, path);
        try
        {
            using var reader = new BinaryReader(indexEntry.Open());
            int version = reader.ReadInt32();
            if (version is not (IndexFormatVersion or IdsOnlyFormatVersion))
            {
                throw new InvalidDataException($"'{path}' has an index of format {version}; this version reads formats {IdsOnlyFormatVersion} and {IndexFormatVersion}. Rebuild the index.");
            }

            int components = reader.ReadInt32();
            if (components != space.Components)
            {
                throw new InvalidDataException($"'{path}': the index has {components}-d vectors but its space has {space.Components} components.");
            }

            var texts = Entries.Read(reader, components, path, version == IndexFormatVersion);
            var images = Entries.Read(reader, components, path, version == IndexFormatVersion);
            return new SearchIndex(space, ownsSpace: true, texts, images);
        }
        catch (Exception ex) when (ex is EndOfStreamException or InvalidDataException)
        {
            space.Dispose();
            throw ex as InvalidDataException ?? new InvalidDataException($"'{path}': the index ends early; the file is truncated.", ex);
        }
    }

    /// <summary>Disposes the space if this index loaded it.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_ownsSpace)
        {
            Space.Dispose();
        }
    }

    private static void CheckK(int k)
    {
        if (k < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, "Ask for at least one hit (k ≥ 1).");
        }
    }

    /// <summary>Ids, text excerpts, image paths and unit-length vectors of one modality's indexed items.</summary>
    private sealed record Entries(string[] Ids, string[] Texts, string?[] ImagePaths, float[][] Vectors)
    {
        public IReadOnlyList<SearchHit> Top(float[] query, int k)
        {
            var scores = new double[Ids.Length];
            for (int i = 0; i < scores.Length; i++)
            {
                double dot = 0;
                var vector = Vectors[i];
                for (int c = 0; c < query.Length; c++)
                {
                    dot += query[c] * vector[c];
                }

                scores[i] = dot;
            }

            return Enumerable.Range(0, scores.Length)
                .OrderByDescending(i => scores[i])
                .Take(k)
                .Select(i => new SearchHit(Ids[i], scores[i], Texts[i], ImagePaths[i]))
                .ToArray();
        }

        public void Write(BinaryWriter writer)
        {
            writer.Write(Ids.Length);
            for (int i = 0; i < Ids.Length; i++)
            {
                writer.Write(Ids[i]);
                writer.Write(Texts[i]);
                writer.Write(ImagePaths[i] ?? string.Empty);
                foreach (var value in Vectors[i])
                {
                    writer.Write(value);
                }
            }
        }

        /// <summary>Reads entries; format 1 stored ids only, so its hits come without text or image.</summary>
        public static Entries Read(BinaryReader reader, int components, string path, bool withPosts)
        {
            int count = reader.ReadInt32();
            if (count < 0)
            {
                throw new InvalidDataException($"'{path}': the index declares {count} items.");
            }

            var ids = new string[count];
            var texts = new string[count];
            var imagePaths = new string?[count];
            var vectors = new float[count][];
            for (int i = 0; i < count; i++)
            {
                ids[i] = reader.ReadString();
                texts[i] = withPosts ? reader.ReadString() : string.Empty;
                var imagePath = withPosts ? reader.ReadString() : string.Empty;
                imagePaths[i] = imagePath.Length > 0 ? imagePath : null;
                vectors[i] = new float[components];
                for (int c = 0; c < components; c++)
                {
                    vectors[i][c] = reader.ReadSingle();
                }
            }

            return new Entries(ids, texts, imagePaths, vectors);
        }
    }
}
