using CrossModalML.Cli;
using CrossModalML.Tests.TestSupport;

namespace CrossModalML.Tests.Cli;

[TestClass]
[DoNotParallelize]
public sealed class TrendsCommandTests
{
    private static (int ExitCode, string Error) Run(params string[] args) => CliRunner.Run(args);

    [TestMethod]
    public void Trends_writes_a_report_with_the_topics_and_the_back_test()
    {
        using var temp = new TempDirectory();

        var (code, error) = Run("trends", "--dataset", RepositoryPaths.DemoPosts, "--by", "topic", "--backtest", "3", "--top", "2", "--report", temp.Path);

        // Console text goes through Spectre.Console, which keeps the writer it first saw, so the report is what is checked.
        Assert.AreEqual(0, code, error);
        var report = File.ReadAllText(temp.File("report.md"));
        StringAssert.Contains(report, "Trends in posts.tsv: 'topic' per day");
        StringAssert.Contains(report, "| moving average |");
        StringAssert.Contains(report, "| travel |");
        Assert.IsTrue(File.Exists(temp.File("topic-2.png")));
        Assert.IsTrue(File.Exists(temp.File("backtest-mae.png")));
    }

    [TestMethod]
    public void Trends_with_an_unknown_topic_column_fails_with_the_columns_listed()
    {
        var (code, error) = Run("trends", "--dataset", RepositoryPaths.DemoPosts, "--by", "subject");

        Assert.AreEqual(1, code);
        StringAssert.Contains(error, "--by 'subject'");
        StringAssert.Contains(error, "topic");
    }
}
