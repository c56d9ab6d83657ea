using System.Runtime.InteropServices;

namespace CrossModalML.Data;

/// <summary>Tells a regular file from a FIFO, socket or device without opening it.</summary>
/// <remarks>
/// .NET reports a FIFO or a device as an ordinary file (<see cref="File.Exists"/> is true and
/// <see cref="FileSystemInfo.Attributes"/> is <see cref="FileAttributes.Normal"/>), and opening a FIFO for reading
/// blocks until something writes to it. On Linux the kind comes from <c>statx</c>, which follows links and never opens
/// the file. Elsewhere an existing non-directory of zero length is treated as special: FIFOs and devices report no
/// length, and an empty file is no image anyway. Thread-safe.
/// </remarks>
internal static class FileKindProbe
{
    private const int AtCurrentDirectory = -100;
    private const uint StatxType = 0x1;
    private const int StatxBufferBytes = 256;
    private const int StatxModeOffset = 28;
    private const int TypeMask = 0xF000;
    private const int RegularType = 0x8000;
    private const int DirectoryType = 0x4000;

    private static volatile bool _statxUnavailable = !OperatingSystem.IsLinux();

    /// <summary>The kind of <paramref name="path"/>, following symbolic links.</summary>
    public static FileKind Of(string path)
    {
        if (!_statxUnavailable)
        {
            var kind = TryStatx(path);
            if (kind is not null)
            {
                return kind.Value;
            }
        }

        return Portable(path);
    }

    private static FileKind? TryStatx(string path)
    {
        var buffer = new byte[StatxBufferBytes];
        try
        {
            if (Statx(AtCurrentDirectory, path, 0, StatxType, buffer) != 0)
            {
                var error = Marshal.GetLastPInvokeError();
                if (error is 38 /* ENOSYS */ or 1 /* EPERM: statx filtered out, as some sandboxes do */)
                {
                    _statxUnavailable = true;
                    return null;
                }

                // ENOENT, ENOTDIR, ELOOP, EACCES, ENAMETOOLONG: nothing that can be read is there.
                return FileKind.Missing;
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            _statxUnavailable = true;
            return null;
        }

        int mode = BitConverter.ToUInt16(buffer, StatxModeOffset) & TypeMask;
        return mode switch
        {
            RegularType => FileKind.Regular,
            DirectoryType => FileKind.Directory,
            _ => FileKind.Special,
        };
    }

    private static FileKind Portable(string path)
    {
        if (Directory.Exists(path))
        {
            return FileKind.Directory;
        }

        var file = new FileInfo(path);
        if (!file.Exists)
        {
            return FileKind.Missing;
        }

        return file.Length > 0 ? FileKind.Regular : FileKind.Special;
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);
}
