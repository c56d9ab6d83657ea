using System.Diagnostics;
using System.Globalization;
using CrossModalML.Cli;
using CrossModalML.Packaging;
using CrossModalML.Prediction;
using CrossModalML.Tests.TestSupport;

namespace CrossModalML.Tests.Prediction;

[TestClass]
public sealed class CodegenTests
{
    [TestMethod]
    public void Generated_input_has_a_typed_property_per_column_and_column_names_where_needed()
    {
        var files = ModelCodeGenerator.Generate(ModelPackage.ReadManifest(DemoModel.ModelPath), "Demo.Sentiment", "demo.zip");
        var input = files["ModelInput.cs"];

        StringAssert.Contains(input, "public string? Text { get; set; }");
        StringAssert.Contains(input, "public float? Likes { get; set; }");
        StringAssert.Contains(input, "[ColumnName(\"user_id\")]\n    public string? UserId { get; set; }");
        Assert.IsFalse(input.Contains("ColumnName(\"text\")", StringComparison.Ordinal), "a name that matches ignoring case needs no attribute");
        StringAssert.Contains(files["ModelOutput.cs"], "ClassLabels { get; } = [\"negative\", \"neutral\", \"positive\"]");
    }

    [TestMethod]
    public void A_namespace_that_is_not_an_identifier_is_rejected()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => ModelCodeGenerator.Generate(ModelPackage.ReadManifest(DemoModel.ModelPath), "My-App", "m.zip"));
        StringAssert.Contains(error.Message, "My-App");
    }

    [TestMethod]
    [Timeout(240_000, CooperativeCancellation = true)]
    public void Generated_project_builds_and_its_program_predicts_like_the_predictor()
    {
        using var temp = new TempDirectory();
        var project = temp.File("Generated");
        var library = Path.Combine(RepositoryPaths.Root, "src", "CrossModalML", "CrossModalML.csproj");
        Assert.AreEqual(0, CliApp.Run(["codegen", "--model", DemoModel.ModelPath, "--output", project, "--namespace", "Demo.Sentiment", "--library-project", library]));

        var csproj = File.ReadAllText(Path.Combine(project, "Demo.Sentiment.csproj"));
        StringAssert.Contains(csproj, $"<PackageReference Include=\"CrossModalML\" Version=\"{ToolkitInfo.Version.Split('+')[0]}\" />");
        StringAssert.Contains(csproj, "<ImplicitUsings>disable</ImplicitUsings>");
        Assert.IsTrue(File.Exists(Path.Combine(project, Path.GetFileName(DemoModel.ModelPath))), "the model is copied beside the code");
        StringAssert.Contains(File.ReadAllText(Path.Combine(project, "TrainModel.cs")), "ModelRetrainer.Retrain(ConsumeModel.ModelPath");

        // The library is already built for the tests; building only the generated project keeps this test to seconds.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var (buildCode, buildOutput) = RunDotnet(project, "build", "-c", configuration, "-p:BuildProjectReferences=false", "-p:TreatWarningsAsErrors=true");
        Assert.AreEqual(0, buildCode, buildOutput);

        var post = DemoPosts.Dictionaries(1, skip: 3)[0];
        var output = Path.Combine(project, "bin", configuration, "net10.0");
        Assert.IsTrue(File.Exists(Path.Combine(output, Path.GetFileName(DemoModel.ModelPath))), "the build copies the model to its output");
        var (runCode, runOutput) = RunDotnet(project, Path.Combine(output, "Demo.Sentiment.dll"),
            $"text={post["text"]}", $"image={post["image"]}", $"likes={post["likes"]}", $"topic={post["topic"]}");
        Assert.AreEqual(0, runCode, runOutput);

        using var predictor = CrossModalPredictor.Load(DemoModel.ModelPath);
        var expected = predictor.Predict(new Dictionary<string, string?> { ["text"] = post["text"], ["image"] = post["image"], ["likes"] = post["likes"], ["topic"] = post["topic"] });
        var lines = runOutput.Trim().Split('\n').Select(l => l.Trim().Split('\t')).ToDictionary(f => f[0], f => f[1]);
        Assert.AreEqual(expected.PredictedLabel, lines["predicted_label"]);
        foreach (var (label, probability) in expected.Probabilities)
        {
            Assert.AreEqual(probability, float.Parse(lines["probability_" + label], CultureInfo.InvariantCulture));
        }

        var (badCode, badOutput) = RunDotnet(project, Path.Combine(output, "Demo.Sentiment.dll"), "colour=red");
        Assert.AreEqual(2, badCode);
        StringAssert.Contains(badOutput, "'colour=red' is not column=value");
    }

    private static (int ExitCode, string Output) RunDotnet(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, "timed out\n" + output);
        }

        return (process.ExitCode, output + error.Result);
    }
}
