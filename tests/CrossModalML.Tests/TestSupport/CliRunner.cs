using CrossModalML.Cli;

namespace CrossModalML.Tests.TestSupport;

/// <summary>Runs the <c>crossmodal</c> command in-process and captures what it writes to standard error.</summary>
/// <remarks>Swaps <see cref="Console.Error"/>, so test classes that use it must not run in parallel.</remarks>
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
}
