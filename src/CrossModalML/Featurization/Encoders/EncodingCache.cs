using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace CrossModalML.Featurization.Encoders;

/// <summary>Encodings on disk, one small file per input: <c>{folder}/{encoder}-{identity}/{key[0..2]}/{key}.vec</c>.</summary>
/// <remarks>
/// An entry is a magic number, the vector's width, the floats and the SHA-256 of the floats. A read that finds anything
/// else (a truncated write by a killed process, a disk error, another width) deletes the entry and reports a miss. A
/// write goes to a unique temporary file that is then renamed over the entry, which is atomic on one volume, so
/// concurrent processes at worst encode the same input twice. Reads touch the entry's time, which eviction uses to
/// delete the least recently used entries first. I/O errors never fail a fit: the cache just misses.
/// </remarks>
internal sealed class EncodingCache
{
    private const uint Magic = 0x31564D43; // "CMV1"
    private const string Extension = ".vec";

    private readonly string _folder;
    private readonly string _root;
    private readonly long _maxBytes;
    private readonly int _dimensions;
    private long _hits;
    private long _misses;
    private long _writes;
    private long _corrupt;

    public EncodingCache(EncoderCacheOptions options, PretrainedEncoder encoder)
    {
        options.Validate();
        _root = options.Directory;
        _folder = Path.Combine(options.Directory, $"{encoder.Name.ToLowerInvariant()}-{encoder.Identity}");
        _maxBytes = options.MaxBytes;
        _dimensions = encoder.Dimensions;
    }

    public string Folder => _folder;

    public long Hits => Interlocked.Read(ref _hits);

    public long Misses => Interlocked.Read(ref _misses);

    public long Writes => Interlocked.Read(ref _writes);

    /// <summary>Entries found damaged, deleted and encoded again.</summary>
    public long Corrupt => Interlocked.Read(ref _corrupt);

    public bool TryRead(string key, out float[] vector)
    {
        var path = PathOf(key);
        vector = [];
        try
        {
            if (!File.Exists(path))
            {
                Interlocked.Increment(ref _misses);
                return false;
            }

            var bytes = File.ReadAllBytes(path);
            if (!TryParse(bytes, out vector))
            {
                Interlocked.Increment(ref _corrupt);
                Interlocked.Increment(ref _misses);
                TryDelete(path);
                return false;
            }

            File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
            Interlocked.Increment(ref _hits);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Interlocked.Increment(ref _misses);
            return false;
        }
    }

    public void Write(string key, float[] vector)
    {
        var path = PathOf(key);
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(temporary, Serialize(vector));
            File.Move(temporary, path, overwrite: true);
            Interlocked.Increment(ref _writes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
        }
    }

    /// <summary>Deletes the least recently used entries of every encoder until the whole cache folder holds at most
    /// 90 % of its bound (stale temporary files of crashed writers go first).</summary>
    public void Trim()
    {
        try
        {
            if (!Directory.Exists(_root))
            {
                return;
            }

            var files = new DirectoryInfo(_root).EnumerateFiles("*", SearchOption.AllDirectories)
                .Where(f => f.Extension is Extension or ".tmp").ToList();
            long total = files.Sum(f => f.Length);
            if (total <= _maxBytes)
            {
                return;
            }

            long target = _maxBytes / 10 * 9;
            foreach (var file in files.OrderBy(f => f.Extension == Extension).ThenBy(f => f.LastWriteTimeUtc))
            {
                if (total <= target)
                {
                    break;
                }

                if (file.Extension == ".tmp" && file.LastWriteTimeUtc > DateTime.UtcNow.AddHours(-1))
                {
                    continue;
                }

                total -= file.Length;
                TryDelete(file.FullName);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Another process trims at the same time; whatever it left is trimmed next time.
        }
    }

    internal string PathOf(string key) => Path.Combine(_folder, key[..2], key + Extension);

    private byte[] Serialize(float[] vector)
    {
        var floats = MemoryMarshal.AsBytes(vector.AsSpan());
        var bytes = new byte[8 + floats.Length + 32];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), vector.Length);
        floats.CopyTo(bytes.AsSpan(8));
        SHA256.HashData(floats, bytes.AsSpan(8 + floats.Length));
        return bytes;
    }

    private bool TryParse(byte[] bytes, out float[] vector)
    {
        vector = [];
        int floatBytes = _dimensions * sizeof(float);
        if (bytes.Length != 8 + floatBytes + 32
            || BinaryPrimitives.ReadUInt32LittleEndian(bytes) != Magic
            || BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4)) != _dimensions)
        {
            return false;
        }

        var floats = bytes.AsSpan(8, floatBytes);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(floats, hash);
        if (!hash.SequenceEqual(bytes.AsSpan(8 + floatBytes)))
        {
            return false;
        }

        vector = MemoryMarshal.Cast<byte, float>(floats).ToArray();
        return true;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Someone else holds or removed it.
        }
    }
}
