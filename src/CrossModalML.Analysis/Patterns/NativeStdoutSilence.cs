using System.Runtime.InteropServices;

namespace CrossModalML.Analysis.Patterns;

/// <summary>Sends what native code prints to the process's standard output to the null device while it is alive.</summary>
/// <remarks>
/// <para>ML.NET's LDA is native code that prints its training log ("started training with 1 threads",
/// "loglikelihood @iter…") with C stdio. When standard output is a pipe or a file, that log is buffered and lands
/// after the caller's own output ends. File descriptor 1 is pointed at <c>/dev/null</c> for the duration and the
/// native buffers are flushed there before it is restored.</para>
/// <para>Process-wide: anything any thread writes to standard output meanwhile, managed or native, is dropped, so it is
/// held only around the native call. On Windows (and wherever the C library cannot be reached) it does nothing.
/// Not re-entrant; instances are serialised by a lock.</para>
/// </remarks>
internal sealed class NativeStdoutSilence : IDisposable
{
    private const int StandardOutput = 1;
    private const int WriteOnly = 1;
    private static readonly Lock Gate = new();

    private readonly int _saved = -1;
    private bool _disposed;

    private NativeStdoutSilence()
    {
        Gate.Enter();
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        try
        {
            Console.Out.Flush();
            int nullDevice = open("/dev/null", WriteOnly);
            if (nullDevice < 0)
            {
                return;
            }

            _saved = dup(StandardOutput);
            if (_saved >= 0 && dup2(nullDevice, StandardOutput) < 0)
            {
                close(_saved);
                _saved = -1;
            }

            close(nullDevice);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            _saved = -1;
        }
    }

    /// <summary>Starts silencing; dispose to restore standard output.</summary>
    public static NativeStdoutSilence Begin() => new();

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            if (_saved >= 0)
            {
                fflush(IntPtr.Zero);
                dup2(_saved, StandardOutput);
                close(_saved);
            }
        }
        finally
        {
            Gate.Exit();
        }
    }

    [DllImport("libc", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int open(string path, int flags);

    [DllImport("libc")]
    private static extern int dup(int descriptor);

    [DllImport("libc")]
    private static extern int dup2(int source, int target);

    [DllImport("libc")]
    private static extern int close(int descriptor);

    [DllImport("libc")]
    private static extern int fflush(IntPtr stream);
}
