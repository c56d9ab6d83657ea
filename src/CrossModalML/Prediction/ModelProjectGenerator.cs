using CrossModalML.IO;
using System.Globalization;
using System.Text;
using CrossModalML.Data;
using CrossModalML.Packaging;
using CrossModalML.Retraining;

namespace CrossModalML.Prediction;

/// <summary>Writes a buildable console project for a model, as ML.NET Model Builder does: the typed classes of
/// <see cref="ModelCodeGenerator"/>, a retraining entry point, a demo program, a <c>.csproj</c> referencing CrossModalML,
/// and the model zip copied beside them.</summary>
/// <remarks>
/// <para>The project (<c>&lt;Namespace&gt;.csproj</c>) targets net10.0 with implicit usings off (every file names its
/// usings) and copies the model zip to its output, where <c>ConsumeModel</c> looks for it. It references the CrossModalML
/// package at <see cref="CodegenProjectOptions.LibraryVersion"/>, or a local library project when
/// <see cref="CodegenProjectOptions.LibraryProjectPath"/> is set (the <c>CrossModalMLProject</c> MSBuild property, which
/// a build can override). It opts out of central package management so that it builds inside a repository that uses it.</para>
/// <para><c>TrainModel.Retrain</c> refits the model's recorded pipeline on new labelled posts through
/// <see cref="ModelRetrainer"/> (optionally with the old posts and keeping the better model); <c>Program</c> scores a post
/// given as <c>column=value</c> arguments, or retrains with <c>retrain NEW_DATA OUTPUT.zip [OLD_DATA]</c>.</para>
/// <para>Files of the same names are replaced; each file is written to a temporary file and renamed when complete.
/// Static and thread-safe.</para>
/// </remarks>
public static class ModelProjectGenerator
{
    /// <summary>Writes the project for a model zip into a directory.</summary>
    /// <param name="modelPath">The model zip; it is copied into <paramref name="outputDirectory"/> under its own name.</param>
    /// <param name="outputDirectory">Created if needed; must not be the folder that holds <paramref name="modelPath"/>.</param>
    /// <param name="options">Namespace and library reference; <see langword="null"/> for the defaults.</param>
    /// <returns>The full paths written: the project file, the C# files and the model copy.</returns>
    /// <exception cref="ArgumentException">The namespace is not a C# namespace, the output folder holds the model itself,
    /// or the library project does not exist.</exception>
    public static IReadOnlyList<string> WriteProject(string modelPath, string outputDirectory, CodegenProjectOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        options ??= new CodegenProjectOptions();
        var manifest = ModelPackage.ReadManifest(modelPath);
        var modelFileName = Path.GetFileName(modelPath);
        var directory = Path.GetFullPath(outputDirectory);
        if (string.Equals(Path.GetDirectoryName(Path.GetFullPath(modelPath)), directory.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"The output folder '{directory}' holds the model '{modelPath}' itself; the project copies the model beside its code, so choose an empty folder.", nameof(outputDirectory));
        }

        string? libraryProject = null;
        if (options.LibraryProjectPath is { } library)
        {
            libraryProject = Path.GetFullPath(library);
            if (!File.Exists(libraryProject))
            {
                throw new ArgumentException(
                    $"The library project '{libraryProject}' (CodegenProjectOptions.LibraryProjectPath) does not exist; give the path of src/CrossModalML/CrossModalML.csproj in a CrossModalML checkout.", nameof(options));
            }
        }

        var ns = options.Namespace;
        var files = new Dictionary<string, string>(ModelCodeGenerator.Generate(manifest, ns, modelFileName), StringComparer.Ordinal);
        var header = ModelCodeGenerator.Header(manifest, ns, modelFileName);
        files["TrainModel.cs"] = header + TrainModel(ns, modelFileName);
        files["Program.cs"] = header + Program(manifest, ns);
        files[ns + ".csproj"] = Project(ns, modelFileName, options.LibraryVersion ?? PackageVersion(ToolkitInfo.Version), libraryProject);

        Directory.CreateDirectory(directory);
        var written = new List<string>();
        foreach (var (name, text) in files)
        {
            var path = Path.Combine(directory, name);
            AtomicFile.WriteAllText(path, text);
            written.Add(path);
        }

        var model = Path.Combine(directory, modelFileName);
        AtomicFile.Write(model, stream =>
        {
            using var source = File.OpenRead(modelPath);
            source.CopyTo(stream);
        });
        written.Add(model);
        return written;
    }

    /// <summary>A NuGet version from an informational version: the part before any <c>+build</c> metadata.</summary>
    private static string PackageVersion(string informational)
    {
        int plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }

    private static string Project(string ns, string modelFileName, string version, string? libraryProject)
    {
        var escapedModel = Xml(modelFileName);
        var local = libraryProject is null
            ? string.Empty
            : $"\n    <!-- Local build against a CrossModalML checkout; build with -p:CrossModalMLProject= to use the package instead. -->\n    <CrossModalMLProject Condition=\"'$(CrossModalMLProject)' == ''\">{Xml(libraryProject)}</CrossModalMLProject>";
        return $$"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <LangVersion>latest</LangVersion>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <RootNamespace>{{Xml(ns)}}</RootNamespace>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>{{local}}
              </PropertyGroup>
              <ItemGroup Condition="'$(CrossModalMLProject)' == ''">
                <PackageReference Include="CrossModalML" Version="{{Xml(version)}}" />
              </ItemGroup>
              <ItemGroup Condition="'$(CrossModalMLProject)' != ''">
                <ProjectReference Include="$(CrossModalMLProject)" />
              </ItemGroup>
              <ItemGroup>
                <None Include="{{escapedModel}}" CopyToOutputDirectory="PreserveNewest" />
              </ItemGroup>
            </Project>

            """.Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static string TrainModel(string ns, string modelFileName) => $$"""
        using CrossModalML.Packaging;
        using CrossModalML.Retraining;

        namespace {{ns}};

        /// <summary>Retrains '{{ModelCodeGenerator.XmlEscape(modelFileName)}}' on new labelled posts with the pipeline its
        /// manifest records: the same columns, featurizer, trainer and hyperparameters.</summary>
        public static class TrainModel
        {
            /// <summary>Refits the model's pipeline on <paramref name="dataPath"/>, compares old and new on a hold-out of the
            /// new posts, and writes the new model to <paramref name="outputPath"/>; the model at
            /// <see cref="ConsumeModel.ModelPath"/> is only read.</summary>
            /// <param name="dataPath">New labelled posts (.tsv, .csv, .jsonl) with the model's columns.</param>
            /// <param name="outputPath">The new model zip.</param>
            /// <param name="options">Old posts to add (<see cref="RetrainingOptions.OldDataPath"/>), keeping the better model
            /// (<see cref="RetrainingOptions.KeepBetter"/>), the image encoder the model was trained with, and the rest.</param>
            /// <returns>Both models' metrics on the hold-out and where the model was saved.</returns>
            public static RetrainingResult Retrain(string dataPath, string outputPath, RetrainingOptions? options = null) =>
                ModelRetrainer.Retrain(ConsumeModel.ModelPath, dataPath, outputPath, options);
        }

        """.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string Program(ModelManifest manifest, string ns)
    {
        var setters = new StringBuilder();
        foreach (var (column, property) in ModelCodeGenerator.InputProperties(manifest))
        {
            var name = ModelCodeGenerator.Escape(column.Name);
            var value = column.Role == ColumnRole.Numeric ? "Number(column, value)" : "value";
            setters.Append(CultureInfo.InvariantCulture, $"            case \"{name}\":\n                input.{property} = {value};\n                return true;\n");
        }

        var columns = string.Join(", ", ModelCodeGenerator.InputProperties(manifest).Select(p => ModelCodeGenerator.Escape(p.Column.Name)))
            .Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);
        var print = manifest.Task == TaskKind.Regression
            ? "        Console.WriteLine(\"predicted_value\\t\" + output.Value.ToString(\"R\", CultureInfo.InvariantCulture));\n"
            : "        Console.WriteLine(\"predicted_label\\t\" + output.PredictedLabel);\n" +
              "        for (int i = 0; i < ModelOutput.ClassLabels.Count; i++)\n        {\n" +
              "            Console.WriteLine(\"probability_\" + ModelOutput.ClassLabels[i] + \"\\t\" + output.Probabilities[i].ToString(\"R\", CultureInfo.InvariantCulture));\n        }\n";
        return $$"""
            using System;
            using System.Globalization;
            using CrossModalML.Packaging;
            using CrossModalML.Retraining;

            namespace {{ns}};

            /// <summary>Demo: scores one post given as <c>column=value</c> arguments (columns: {{ModelCodeGenerator.XmlEscape(columns)}}),
            /// or retrains the model with <c>retrain NEW_DATA OUTPUT.zip [OLD_DATA]</c>.</summary>
            public static class Program
            {
                /// <summary>Runs the demo; returns 0 on success and 2 on a usage error.</summary>
                public static int Main(string[] args)
                {
                    if (args.Length > 0 && args[0] == "retrain")
                    {
                        return Retrain(args);
                    }

                    var input = new ModelInput();
                    foreach (var argument in args)
                    {
                        int equals = argument.IndexOf('=', StringComparison.Ordinal);
                        if (equals <= 0 || !Set(input, argument[..equals], argument[(equals + 1)..]))
                        {
                            Console.Error.WriteLine($"'{argument}' is not column=value for one of the model's columns ({{columns}}).");
                            return 2;
                        }
                    }

                    var output = ConsumeModel.Predict(input);
            {{print}}        return 0;
                }

                private static int Retrain(string[] args)
                {
                    if (args.Length is < 3 or > 4)
                    {
                        Console.Error.WriteLine("Usage: retrain NEW_DATA OUTPUT.zip [OLD_DATA]");
                        return 2;
                    }

                    var options = new RetrainingOptions { OldDataPath = args.Length == 4 ? args[3] : null, KeepBetter = true };
                    var result = TrainModel.Retrain(args[1], args[2], options);
                    var saved = result.KeptOldModel ? $"the new model is worse, so {result.OutputPath} is a copy of the old one" : $"the new model is saved to {result.OutputPath}";
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"old {result.OldMetrics.Primary:0.0000}, new {result.NewMetrics.Primary:0.0000} on {result.HoldOutRows} held-out posts; {saved}"));
                    return 0;
                }

                private static bool Set(ModelInput input, string column, string value)
                {
                    switch (column)
                    {
            {{setters}}            default:
                            return false;
                    }
                }

                private static float? Number(string column, string value)
                {
                    if (value.Length == 0)
                    {
                        return null;
                    }

                    return float.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                        ? number
                        : throw new FormatException($"Column '{column}' needs a number such as 12 or 0.5; got '{value}'.");
                }
            }

            """.Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static string Xml(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);
}
