using CrossModalML.Cli.Rendering;
using CrossModalML.Data;
using CrossModalML.Packaging;
using Spectre.Console;

namespace CrossModalML.Cli.Commands;

/// <summary>Runs a command body and turns failures into a message and a non-zero exit code.</summary>
internal static class CommandRunner
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int Cancelled = 130;

    public static int Run(bool verbose, Func<CancellationToken, int> body)
    {
        using var cancellation = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return LiveProgress.Run(() => body(cancellation.Token));
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("Cancelled.");
            return Cancelled;
        }
        catch (Exception ex) when (!verbose && IsUserError(ex))
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return Failure;
        }
        catch (Exception ex) when (!verbose)
        {
            Console.Error.WriteLine($"error: {ex.Message} (run with --verbose for details)");
            return Failure;
        }
        catch (Exception ex)
        {
            AnsiConsole.WriteException(ex);
            return Failure;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static bool IsUserError(Exception ex) =>
        ex is PostDataException or ModelPackageException or FileNotFoundException or DirectoryNotFoundException or ArgumentException or NotSupportedException;
}
