using System.CommandLine;
using System.Globalization;
using CrossModalML.Cli.Rendering;
using CrossModalML.Analysis.Retrieval;
using CrossModalML.Data;
using CrossModalML.Featurization;
using Spectre.Console;

namespace CrossModalML.Cli.Commands;

/// <summary><c>crossmodal search</c>: learn a shared text–image space from paired posts (<c>fit</c>) and query it (<c>query</c>).</summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var command = new Command("search", "Cross-modal retrieval: find the images that match a text and the texts that match an image.");
        command.Subcommands.Add(Fit());
        command.Subcommands.Add(Query());
        return command;
    }

    private static Command Fit()
    {
        var dataset = CommonOptions.Dataset("Posts with a text and an image column: .tsv, .csv or .jsonl with a header.");
        var output = new Option<FileInfo>("--output", "-o") { Description = "The search file (space + index) to write.", Required = true };
        var imageModel = new Option<FileInfo?>("--image-model")
        {
            Description = "ONNX image encoder (MobileNetV2 '-embed-rgb255' layout: input 'image', output 'embedding', 224x224 RGB). Default: built-in image statistics.",
        };
        var text = new Option<string?>("--text") { Description = "The text column (default: the only text column)." };
        var image = new Option<string?>("--image") { Description = "The image column (default: the only image column)." };
        var components = new Option<int?>("--components", "-k") { Description = $"Canonical components (default: {RetrievalOptions.DefaultComponents}, or fewer when a side is narrower)." };
        var regularization = new Option<double>("--regularization") { Description = "Covariance shrinkage λ in [0, 1).", DefaultValueFactory = _ => new RetrievalOptions().Regularization };
        var testFraction = new Option<double>("--test-fraction") { Description = "Share of text–image pairs held out to measure retrieval.", DefaultValueFactory = _ => 0.2 };
        var seed = new Option<int>("--seed") { Description = "Seed for the hold-out split and the principal components.", DefaultValueFactory = _ => 1 };
        var report = new Option<DirectoryInfo?>("--report") { Description = "Write a Markdown report into this folder: the recall@K curve against random and least squares, and example text queries with their top image hits." };
        var verbose = CommonOptions.Verbose();
        var command = new Command("fit", "Learn a shared space with regularised CCA, print held-out recall@1/5/10 and median rank against random, and save the space with an index of every post.")
        {
            dataset, output, imageModel, text, image, components, regularization, testFraction, seed, report, verbose,
        };
        command.SetAction(r => CommandRunner.Run(r.GetValue(verbose), cancellationToken =>
        {
            OutputPaths.Check(r);
            OptionChecks.AtLeast(r.GetValue(components), 1, "--components");
            OptionChecks.Fraction(r.GetValue(testFraction), "--test-fraction");
            var roles = new Dictionary<string, ColumnRole>(StringComparer.Ordinal);
            var options = new RetrievalOptions
            {
                TextColumn = r.GetValue(text),
                ImageColumn = r.GetValue(image),
                Components = r.GetValue(components),
                Regularization = r.GetValue(regularization),
                Seed = r.GetValue(seed),
            };
            if (options.TextColumn is { } textColumn)
            {
                roles[textColumn] = ColumnRole.Text;
            }

            if (options.ImageColumn is { } imageColumn)
            {
                roles[imageColumn] = ColumnRole.Image;
            }

            if (r.GetValue(imageModel) is { } onnx)
            {
                options.Image = new ImageFeaturizerOptions { Kind = ImageFeaturizerKind.Onnx, Onnx = OnnxImageModelOptions.MobileNetV2(onnx.FullName) };
            }

            var datasetFile = r.GetValue(dataset)!;
            AnsiConsole.MarkupLineInterpolated($"Loading [bold]{datasetFile.FullName}[/] …");
            var data = PostDatasetLoader.Load(datasetFile.FullName, new PostLoadOptions { RoleOverrides = roles });
            ConsoleOutput.LoadSummary(data);
            var progress = new ConsoleProgress();

            var evaluation = RetrievalEvaluator.Evaluate(data, options, r.GetValue(testFraction), progress, cancellationToken);
            PrintEvaluation(evaluation);

            AnsiConsole.MarkupLine("Refitting on every text–image pair and indexing every post …");
            using var space = CrossModalSpace.Fit(data, options, progress, cancellationToken);
            using var index = SearchIndex.Build(space, data);
            var outputFile = r.GetValue(output)!;
            index.Save(outputFile.FullName);
            AnsiConsole.MarkupLineInterpolated(
                $"Saved [bold]{outputFile.FullName}[/]: {space.Components} components, {index.TextCount:N0} texts and {index.ImageCount:N0} images indexed by post id.");
            if (r.GetValue(report) is { } folder)
            {
                var path = RetrievalReport.Build(evaluation, index, data, title: $"Cross-modal retrieval on {Path.GetFileName(datasetFile.FullName)}").Save(folder.FullName);
                AnsiConsole.MarkupLineInterpolated($"Report written to [bold]{path}[/]");
            }

            return CommandRunner.Success;
        }));
        return command;
    }

    private static Command Query()
    {
        var space = new Option<FileInfo>("--space", "-s") { Description = "A search file written by 'crossmodal search fit'.", Required = true };
        var text = new Option<string?>("--text") { Description = "Find the images that best match this text." };
        var image = new Option<FileInfo?>("--image") { Description = "Find the texts that best match this image file." };
        var top = new Option<int>("--top") { Description = "How many hits to show.", DefaultValueFactory = _ => 10 };
        var verbose = CommonOptions.Verbose();
        var command = new Command("query", "Query a search file with a text (returns image posts) or an image (returns text posts).") { space, text, image, top, verbose };
        command.SetAction(r => CommandRunner.Run(r.GetValue(verbose), _ =>
        {
            var queryText = r.GetValue(text);
            var queryImage = r.GetValue(image);
            if ((queryText is null) == (queryImage is null))
            {
                throw new ArgumentException("Give exactly one query: --text \"...\" to find images, or --image PATH to find texts.");
            }

            using var index = SearchIndex.Load(r.GetValue(space)!.FullName);
            var hits = queryText is not null
                ? index.FindImagesForText(queryText, r.GetValue(top))
                : index.FindTextsForImage(queryImage!.FullName, r.GetValue(top));
            var table = new ResponsiveTable()
                .Column("rank", rightAligned: true).Column("post id").Column("cosine", rightAligned: true);
            for (int i = 0; i < hits.Count; i++)
            {
                table.Row((i + 1).ToString(CultureInfo.InvariantCulture), hits[i].Id, hits[i].Score.ToString("0.0000", CultureInfo.InvariantCulture));
            }

            AnsiConsole.MarkupLine(queryText is not null ? "Images that best match the text:" : "Texts that best match the image:");
            table.Write();
            return CommandRunner.Success;
        }));
        return command;
    }

    private static void PrintEvaluation(RetrievalEvaluation evaluation)
    {
        var correlations = string.Join(", ", evaluation.Correlations.Take(3).Select(c => c.ToString("0.00", CultureInfo.InvariantCulture)));
        AnsiConsole.MarkupLineInterpolated(
            $"[bold]Held-out retrieval[/]: {evaluation.TestPairs:N0} pairs (each query ranks {evaluation.TestPairs:N0} candidates), fitted on {evaluation.TrainingPairs:N0}; {evaluation.Components} components, top canonical correlations {correlations}");
        var table = new ResponsiveTable().Column("method").Column("direction")
            .Column("R@1", rightAligned: true).Column("R@5", rightAligned: true)
            .Column("R@10", rightAligned: true).Column("median rank", rightAligned: true);
        void Row(string method, string direction, RetrievalMetrics m) => table.Row(
            method, direction, F(m.RecallAt1), F(m.RecallAt5), F(m.RecallAt10), m.MedianRank.ToString("0.#", CultureInfo.InvariantCulture));
        Row("CCA", "text → image", evaluation.TextToImage);
        Row("CCA", "image → text", evaluation.ImageToText);
        Row("least squares (no CCA)", "text → image", evaluation.LeastSquaresTextToImage);
        Row("least squares (no CCA)", "image → text", evaluation.LeastSquaresImageToText);
        Row("random", "either", evaluation.Random);
        table.Write();
    }

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
