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
    public void Generated_code_compiles_and_predicts_like_the_predictor()
    {
        using var temp = new TempDirectory();
        Assert.AreEqual(0, CliApp.Run(["codegen", "--model", DemoModel.ModelPath, "--output", temp.File("Generated"), "--namespace", "Demo.Sentiment"]));
        var library = Path.Combine(RepositoryPaths.Root, "src", "CrossModalML", "CrossModalML.csproj");
        File.WriteAllText(temp.File("Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <NoWarn>$(NoWarn);NU1603</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{library}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(temp.File("Program.cs"), """
            using System.Globalization;
            using Demo.Sentiment;

            ConsumeModel.ModelPath = args[0];
            var output = ConsumeModel.Predict(new ModelInput { Text = args[1], Image = args[2], Likes = float.Parse(args[3], CultureInfo.InvariantCulture), Topic = args[4] });
            Console.WriteLine(output.PredictedLabel + " " + string.Join(" ", output.Probabilities.Select(p => p.ToString("R", CultureInfo.InvariantCulture))));
            """);

        // The library is already built for the tests; building only the consumer keeps this test to seconds.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var (buildCode, buildOutput) = RunDotnet(temp.Path, "build", "-c", configuration, "-p:BuildProjectReferences=false");
        Assert.AreEqual(0, buildCode, buildOutput);

        var post = DemoPosts.Dictionaries(1, skip: 3)[0];
        var (runCode, runOutput) = RunDotnet(temp.Path, temp.File(Path.Combine("bin", configuration, "net10.0", "Consumer.dll")), DemoModel.ModelPath, post["text"]!, post["image"]!, post["likes"]!, post["topic"]!);
        Assert.AreEqual(0, runCode, runOutput);

        using var predictor = CrossModalPredictor.Load(DemoModel.ModelPath);
        var expected = predictor.Predict(new Dictionary<string, string?> { ["text"] = post["text"], ["image"] = post["image"], ["likes"] = post["likes"], ["topic"] = post["topic"] });
        var fields = runOutput.Trim().Split(' ');
        Assert.AreEqual(expected.PredictedLabel, fields[0]);
        var probabilities = fields.Skip(1).Select(f => float.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        CollectionAssert.AreEqual(expected.Probabilities.Values.ToArray(), probabilities);
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
