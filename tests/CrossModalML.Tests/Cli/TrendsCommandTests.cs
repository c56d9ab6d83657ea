using CrossModalML.Cli;
using CrossModalML.Tests.TestSupport;

namespace CrossModalML.Tests.Cli;

[TestClass]
[DoNotParallelize]
public sealed class TrendsCommandTests
{
    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var (originalOut, originalError) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            return (CliApp.Run(args), output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
        }
    }

    [TestMethod]
    public void Trends_prints_topics_and_the_back_test_and_writes_a_report()
    {
        using var temp = new TempDirectory();

        var (code, output, error) = Run("trends", "--dataset", RepositoryPaths.DemoPosts, "--by", "topic", "--backtest", "3", "--top", "2", "--report", temp.Path);

        Assert.AreEqual(0, code, error);
        StringAssert.Contains(output, "Back-test");
        StringAssert.Contains(output, "moving average");
        StringAssert.Contains(output, "travel");
        Assert.IsTrue(File.Exists(temp.File("report.md")));
        Assert.IsTrue(File.Exists(temp.File("topic-2.png")));
        Assert.IsTrue(File.Exists(temp.File("backtest-mae.png")));
    }

    [TestMethod]
    public void Trends_with_an_unknown_topic_column_fails_with_the_columns_listed()
    {
        var (code, _, error) = Run("trends", "--dataset", RepositoryPaths.DemoPosts, "--by", "subject");

        Assert.AreEqual(1, code);
        StringAssert.Contains(error, "--by 'subject'");
        StringAssert.Contains(error, "topic");
    }
}
