using CrossModalML.Cli;

namespace CrossModalML.Tests.TestSupport;

/// <summary>Runs the <c>crossmodal</c> command in-process and captures what it writes to standard error (and, with
/// <see cref="RunWithOutput"/>, to standard output).</summary>
/// <remarks>Swaps <see cref="Console.Error"/> (and <see cref="Console.Out"/>), so test classes that use it must not run in parallel.</remarks>
internal static class CliRunner
{
    public static (int ExitCode, string Error) Run(params string[] args)
    {
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        try
        {
            return (CliApp.Run(args), error.ToString());
        }
        finally
        {
            Console.SetError(original);
        }
    }

    /// <summary>Runs the command and captures both standard output and standard error.</summary>
    public static (int ExitCode, string Output, string Error) RunWithOutput(params string[] args)
    {
        var error = new StringWriter();
        var output = new StringWriter();
        var (originalError, originalOutput) = (Console.Error, Console.Out);
        Console.SetError(error);
        Console.SetOut(output);
        try
        {
            return (CliApp.Run(args), output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetError(originalError);
            Console.SetOut(originalOutput);
        }
    }
}
