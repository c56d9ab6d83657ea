using CrossModalML.Cli.Rendering;
using CrossModalML.Tests.TestSupport;

namespace CrossModalML.Tests.Cli;

[TestClass]
public sealed class ResponsiveTableTests
{
    private static string Render(ResponsiveTable table, int width)
    {
        var text = new StringWriter();
        table.Write(PlainConsole.Create(text, width));
        return text.ToString().Replace("\r", string.Empty);
    }

    private static ResponsiveTable Leaderboard() => new ResponsiveTable()
        .Column("trial", rightAligned: true).Column("trainer").Column("featurizer").Column("score", rightAligned: true)
        .Column("hyperparameters", optional: true)
        .Row("1", "LbfgsMaximumEntropy", "w1-2 c1-5 img blocks i×1", "0.9169", "L1Regularization=6.1E-05 L2Regularization=0.0156")
        .Row("2", "SdcaMaximumEntropy", "w1-1 coff img minmax", "0.6274", "L2Regularization=1 MaximumNumberOfIterations=8");

    [TestMethod]
    public void A_table_that_fits_keeps_its_columns()
    {
        var output = Render(Leaderboard(), 200);

        var header = output.Split('\n').Single(l => l.Contains("trainer", StringComparison.Ordinal));
        StringAssert.Contains(header, "hyperparameters");
        Assert.IsTrue(output.Split('\n').Any(l => l.Contains("LbfgsMaximumEntropy", StringComparison.Ordinal) && l.Contains("0.9169", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void A_long_text_cell_wraps_between_words_inside_its_column()
    {
        var table = new ResponsiveTable().Column("community", rightAligned: true).Column("members")
            .Row("0", "user_f3d2707c4e6ffdb3, user_0466dea645e78bf7, user_18a49e3ac6129a49, user_535990a9a5c98a6b");

        var lines = Render(table, 50).Split('\n');

        Assert.IsTrue(lines.Any(l => l.Contains("community", StringComparison.Ordinal) && l.Contains("members", StringComparison.Ordinal)), "still a table");
        Assert.IsTrue(lines.All(l => l.TrimEnd().Length <= 50));
        foreach (var user in new[] { "user_f3d2707c4e6ffdb3,", "user_0466dea645e78bf7,", "user_18a49e3ac6129a49,", "user_535990a9a5c98a6b" })
        {
            Assert.IsTrue(lines.Any(l => l.Contains(user, StringComparison.Ordinal)), user);
        }
    }

    [TestMethod]
    public void Optional_columns_are_left_out_before_the_table_turns_vertical_and_the_note_says_how_wide_shows_them()
    {
        var table = new ResponsiveTable()
            .Column("trial", rightAligned: true).Column("trainer").Column("featurizer").Column("score", rightAligned: true)
            .Column("hyperparameters", optional: true)
            .Row("1", "LbfgsMaximumEntropy", "w1-2 c1-5 img blocks i×1", "0.9169", "L1Regularization=6.1E-05,L2Regularization=0.0156");

        var output = Render(table, 72);

        Assert.IsFalse(output.Contains("L1Regularization", StringComparison.Ordinal));
        StringAssert.Matches(output, new System.Text.RegularExpressions.Regex(@"'hyperparameters' left out at 72 columns; --width \d+ shows it"));
        Assert.IsTrue(output.Split('\n').Any(l => l.Contains("LbfgsMaximumEntropy", StringComparison.Ordinal) && l.Contains("0.9169", StringComparison.Ordinal)));

        var two = new ResponsiveTable()
            .Column("trial", rightAligned: true).Column("trainer").Column("featurizer").Column("score", rightAligned: true)
            .Column("time", optional: true).Column("hyperparameters", optional: true)
            .Row("1", "LbfgsMaximumEntropy", "w1-2 c1-5 img blocks i×1", "0.9169", "12.5 s", "L1Regularization=6.1E-05,L2Regularization=0.0156");
        var folded = System.Text.RegularExpressions.Regex.Replace(Render(two, 72), @"\s+", " ");
        StringAssert.Matches(folded, new System.Text.RegularExpressions.Regex(@"'time', 'hyperparameters' left out at 72 columns; --width \d+ shows them"));
    }

    [TestMethod]
    public void A_table_too_wide_even_without_optional_columns_becomes_key_value_blocks_with_every_word_whole()
    {
        var output = Render(Leaderboard(), 40);
        var lines = output.Split('\n');

        Assert.IsTrue(lines.All(l => l.TrimEnd().Length <= 40), output);
        Assert.AreEqual("trial: 1", lines[0]);
        foreach (var word in new[] { "trainer:", "LbfgsMaximumEntropy", "i×1", "L1Regularization=6.1E-05", "L2Regularization=0.0156", "MaximumNumberOfIterations=8" })
        {
            Assert.IsTrue(lines.Any(l => l.Contains(word, StringComparison.Ordinal)), $"'{word}' whole on one line:\n{output}");
        }
    }

    [TestMethod]
    public void Wrapping_breaks_between_words_and_keeps_the_first_line_indent()
    {
        var lines = ResponsiveTable.Wrap("  alpha beta gamma delta", 12, "    ").ToList();

        CollectionAssert.AreEqual(new[] { "  alpha beta", "    gamma", "    delta" }, lines);
    }

    [TestMethod]
    public void Width_comes_from_the_flag_then_COLUMNS_then_the_terminal_then_80()
    {
        Assert.AreEqual(100, CliConsole.ResolveWidth(100, "120", 140));
        Assert.AreEqual(120, CliConsole.ResolveWidth(null, "120", 140));
        Assert.AreEqual(140, CliConsole.ResolveWidth(null, "wide", 140));
        Assert.AreEqual(80, CliConsole.ResolveWidth(null, null, null));
        Assert.ThrowsExactly<ArgumentException>(() => CliConsole.ResolveWidth(20, null, null));
    }
}
