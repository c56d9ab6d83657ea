using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace CrossModalML.IO;

/// <summary>SHA-256 of files, remembered per path, size and write time: a search builds its featurizer many times over
/// model files of tens of megabytes, and grouped splits key every image by its content on each split.</summary>
internal static class FileHash
{
    private static readonly ConcurrentDictionary<string, string> Known = new(StringComparer.Ordinal);

    /// <summary>Lower-case hex SHA-256 of the file.</summary>
    public static string Sha256(string path)
    {
        var info = new FileInfo(path);
        var key = $"{info.FullName}|{info.Length}|{info.LastWriteTimeUtc.Ticks}";
        return Known.GetOrAdd(key, _ =>
        {
            using var stream = File.OpenRead(path);
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        });
    }
}
