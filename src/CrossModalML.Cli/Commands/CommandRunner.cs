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
            Console.Error.WriteLine($"error: {UserMessage(ex)}");
            return Failure;
        }
        catch (Exception ex) when (!verbose)
        {
            Console.Error.WriteLine($"error: {UserMessage(ex)} (run with --verbose for details)");
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

    /// <summary>The message without .NET's "(Parameter 'x')" and "Actual value was" tails, with option properties
    /// named by their flags.</summary>
    private static string UserMessage(Exception ex)
    {
        var message = ex.Message;
        if (ex is ArgumentOutOfRangeException { ActualValue: not null } outOfRange)
        {
            message = message.Replace($"{Environment.NewLine}Actual value was {outOfRange.ActualValue}.", string.Empty, StringComparison.Ordinal);
        }

        if (ex is ArgumentException { ParamName: { } name })
        {
            message = message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal);
        }

        return FlagNames.Translate(message);
    }

    private static bool IsUserError(Exception ex) =>
        ex is PostDataException or ModelPackageException or FileNotFoundException or DirectoryNotFoundException or ArgumentException or NotSupportedException;
}
