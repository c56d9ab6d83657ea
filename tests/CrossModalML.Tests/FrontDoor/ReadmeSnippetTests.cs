using System.Text.RegularExpressions;
using CrossModalML.Tests.TestSupport;

namespace CrossModalML.Tests.FrontDoor;

/// <summary>README.md's "From C#" example is <see cref="ReadmeSnippet"/>, and it runs.</summary>
[TestClass]
[DoNotParallelize]
public sealed partial class ReadmeSnippetTests
{
    [TestMethod]
    public void The_readme_shows_exactly_the_compiled_example()
    {
        var source = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "CrossModalML.Tests", "FrontDoor", "ReadmeSnippet.cs"));
        var expected = Region(source, "README usings") + "\n\n" + Region(source, "README body");

        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md")).ReplaceLineEndings("\n");
        var section = readme[readme.IndexOf("\n## From C#\n", StringComparison.Ordinal)..];
        var block = CodeBlock().Match(section);

        Assert.IsTrue(block.Success, "README.md's \"From C#\" section has no csharp block");
        Assert.AreEqual(expected, block.Groups[1].Value.TrimEnd('\n'));
        Assert.IsTrue(expected.Split('\n').Count(line => line.Length > 0) <= 8, "the example stays within 8 lines");

        // The library package's own README (its page on the package registry) opens with the same example.
        var packageReadme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "CrossModalML", "README.md")).ReplaceLineEndings("\n");
        var packageBlock = CodeBlock().Match(packageReadme);
        Assert.IsTrue(packageBlock.Success, "src/CrossModalML/README.md has no csharp block");
        Assert.AreEqual(expected, packageBlock.Groups[1].Value.TrimEnd('\n'));
    }

    /// <summary>The example trains with the balanced preset, so this takes its 30 s minimum search on a small slice.</summary>
    [TestMethod]
    public void The_readme_example_loads_searches_saves_loads_and_predicts()
    {
        using var temp = new TempDirectory();
        File.Move(DemoSlices.Write(temp, 0, 150), temp.File("posts.tsv"));
        var directory = Environment.CurrentDirectory;
        var output = Console.Out;
        using var printed = new StringWriter();
        try
        {
            Environment.CurrentDirectory = temp.Path;
            Console.SetOut(printed);
            ReadmeSnippet.Run();
        }
        finally
        {
            Console.SetOut(output);
            Environment.CurrentDirectory = directory;
        }

        Assert.IsTrue(File.Exists(temp.File("sentiment.zip")));
        StringAssert.Matches(printed.ToString(), new Regex(@"^(positive|negative|neutral): \d+\s?%", RegexOptions.Multiline));
    }

    private static string Region(string source, string name)
    {
        var lines = source.ReplaceLineEndings("\n").Split('\n');
        int start = Array.FindIndex(lines, l => l.Trim() == $"#region {name}") + 1;
        int end = Array.FindIndex(lines, start, l => l.Trim() == "#endregion");
        var body = lines[start..end];
        int indent = body.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join('\n', body.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }

    [GeneratedRegex("```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
