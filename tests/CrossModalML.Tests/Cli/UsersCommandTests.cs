using System.Globalization;
using System.Text.RegularExpressions;
using CrossModalML.Cli;
using CrossModalML.Tests.TestSupport;

namespace CrossModalML.Tests.Cli;

[TestClass]
[DoNotParallelize]
public sealed partial class UsersCommandTests
{
    /// <summary>24 users without images: 12 morning cooks (c01…) and 12 night gamers (g01…), 5 posts each.</summary>
    private static string TwoKindsOfUsers(TempDirectory temp)
    {
        var lines = new List<string> { "id\ttext\tuser_id\ttimestamp\tlikes" };
        var monday = new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc);
        int id = 0;
        for (int u = 1; u <= 12; u++)
        {
            for (int p = 0; p < 5; p++)
            {
                var cook = monday.AddDays(p).AddHours(8).AddMinutes((u * 7) + p);
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"p{++id:000}\tBaking my sourdough bread again, fresh from the oven #food #recipe\tc{u:00}\t{cook:yyyy-MM-ddTHH:mm:ssZ}\t{30 + u + p}"));
                var gamer = monday.AddDays(p).AddHours(23).AddMinutes((u * 3) + p);
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"p{++id:000}\tLate night ranked match on my new graphics card #gaming #pcbuild\tg{u:00}\t{gamer:yyyy-MM-ddTHH:mm:ssZ}\t{8 + (u % 3) + p}"));
            }
        }

        var path = temp.File("users.tsv");
        File.WriteAllLines(path, lines);
        return path;
    }

    private static (int ExitCode, string Error) Run(params string[] args) => CliRunner.Run(args);

    [TestMethod]
    public void Users_writes_a_report_with_charts_and_only_pseudonyms()
    {
        using var temp = new TempDirectory();
        var data = TwoKindsOfUsers(temp);
        var folder = temp.File("report");

        var (code, error) = Run("users", "--dataset", data, "--recommend", "c01", "--top", "3", "--report", folder);

        Assert.AreEqual(0, code, error);
        var report = File.ReadAllText(Path.Combine(folder, "report.md"));
        foreach (var chart in new[] { "segment-sizes.png", "segment-map.png", "segment-hours.png" })
        {
            var bytes = File.ReadAllBytes(Path.Combine(folder, chart));
            CollectionAssert.AreEqual(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes.Take(4).ToArray(), chart);
            StringAssert.Contains(report, $"]({chart})");
        }

        Assert.IsFalse(RawId().IsMatch(report), "raw user id in the report: " + RawId().Match(report).Value);
        StringAssert.Contains(report, "pseudonymised");
        StringAssert.Contains(report, "2 segments, chosen automatically");
        StringAssert.Contains(report, "posts around 08:");
        StringAssert.Contains(report, "posts around 23:");
        StringAssert.Contains(report, "## Recommendations for user_");
    }

    [TestMethod]
    public void Raw_ids_appear_only_when_asked_for()
    {
        using var temp = new TempDirectory();
        var folder = temp.File("report");

        var (code, error) = Run("users", "--dataset", TwoKindsOfUsers(temp), "--segments", "2", "--raw-ids", "--report", folder);

        Assert.AreEqual(0, code, error);
        var report = File.ReadAllText(Path.Combine(folder, "report.md"));
        StringAssert.Contains(report, "Raw user ids (internal report)");
        Assert.IsTrue(RawId().IsMatch(report));
        StringAssert.Contains(report, "2 segments, as requested");
    }

    [TestMethod]
    public void Bad_requests_fail_with_a_message_naming_the_problem()
    {
        using var temp = new TempDirectory();
        var data = TwoKindsOfUsers(temp);

        var (code, error) = Run("users", "--dataset", data, "--recommend", "nobody");
        Assert.AreEqual(1, code);
        StringAssert.Contains(error, "User 'nobody' has no profile");

        (code, error) = Run("users", "--dataset", data, "--ignore", "user_id");
        Assert.AreEqual(1, code);
        StringAssert.Contains(error, "no user column");

        (code, error) = Run("users", "--dataset", data, "--segments", "many");
        Assert.AreEqual(1, code);
        StringAssert.Contains(error, "--segments must be 'auto' or a whole number");
    }

    [GeneratedRegex(@"\b[cg]\d\d\b")]
    private static partial Regex RawId();
}
