namespace CrossModalML.IO;

/// <summary>A file being written under a temporary name in its target's folder, moved over the target only by
/// <see cref="Commit"/>. Disposing it without a commit (an exception, a cancellation) deletes the temporary file, so an
/// existing target is left byte-identical and a reader never sees half a file.</summary>
/// <remarks>Not thread-safe. The temporary file is created exclusively (<see cref="FileMode.CreateNew"/>) with a random
/// name, so it never follows or replaces another file. The rename is atomic when the file system supports it (the same
/// folder on one volume).</remarks>
public sealed class StagedFile : IDisposable
{
    private FileStream? _stream;
    private bool _committed;

    private StagedFile(string targetPath, string temporaryPath, FileStream stream)
    {
        TargetPath = targetPath;
        TemporaryPath = temporaryPath;
        _stream = stream;
    }

    /// <summary>The full path the file gets on <see cref="Commit"/>.</summary>
    public string TargetPath { get; }

    /// <summary>The full path of the temporary file being written.</summary>
    public string TemporaryPath { get; }

    /// <summary>The stream to write the content to. Closed by <see cref="Commit"/>.</summary>
    /// <exception cref="ObjectDisposedException">The file was already committed or disposed.</exception>
    public Stream Stream => _stream ?? throw new ObjectDisposedException(nameof(StagedFile), $"'{TargetPath}' was already committed or abandoned.");

    /// <summary>Starts writing <paramref name="path"/>. Its folder is created if needed; the target itself is not touched.</summary>
    /// <param name="path">The file to write.</param>
    /// <exception cref="IOException">The target is a folder, or its folder cannot be created or written.</exception>
    public static StagedFile Create(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var target = Path.GetFullPath(path);
        if (Directory.Exists(target))
        {
            throw new IOException($"Cannot write the file '{target}': it is a folder.");
        }

        var folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 1 << 16);
        return new StagedFile(target, temporary, stream);
    }

    /// <summary>Flushes the content to disk and moves it over the target, replacing an existing file.</summary>
    /// <exception cref="ObjectDisposedException">The file was already committed or disposed.</exception>
    public void Commit()
    {
        var stream = _stream ?? throw new ObjectDisposedException(nameof(StagedFile), $"'{TargetPath}' was already committed or abandoned.");
        stream.Flush(flushToDisk: true);
        stream.Dispose();
        _stream = null;
        File.Move(TemporaryPath, TargetPath, overwrite: true);
        _committed = true;
    }

    /// <summary>Abandons an uncommitted file: the temporary file is deleted and the target left as it was.</summary>
    public void Dispose()
    {
        _stream?.Dispose();
        _stream = null;
        if (!_committed)
        {
            try
            {
                File.Delete(TemporaryPath);
            }
            catch (IOException)
            {
                // Cleaning up must not hide the error that abandoned the file; a stray .tmp is harmless.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
