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
            Description = "ONNX image encoder (MobileNetV2 '-embed-rgb255' layout: input 'image', output 'embedding', 224x224 RGB), with TF-IDF n-grams for the texts. " +
                "Default: the shipped encoders (MiniLM for texts, ResNet18 for images).",
        };
        var builtInFeatures = new Option<bool>("--builtin-features")
        {
            Description = "Relate TF-IDF n-grams of the texts to built-in image statistics instead of the shipped MiniLM and ResNet18 encoders (faster, much weaker).",
        };
        var textEncoder = new Option<string?>("--text-encoder")
        {
            Description = "The shipped sentence encoder on the text side of the default features: minilm (default) or arcticxs (Snowflake arctic-embed-xs, trained for retrieval).",
        };
        textEncoder.AcceptOnlyFromAmong("minilm", "arcticxs");
        var testData = new Option<FileInfo?>("--test")
        {
            Description = "Posts to measure retrieval on (their texts query their images) instead of holding out --test-fraction of --dataset; the space is fitted on --dataset.",
        };
        var text = new Option<string?>("--text") { Description = "The text column (default: the only text column)." };
        var image = new Option<string?>("--image") { Description = "The image column (default: the only image column)." };
        var components = new Option<int?>("--components", "-k") { Description = $"Canonical components (default: {RetrievalOptions.DefaultComponents}, or fewer when a side is narrower)." };
        var regularization = new Option<double>("--regularization") { Description = "Covariance shrinkage λ in [0, 1); with --method auto one of the values tried (with 0.01–0.9) on held-back pairs.", DefaultValueFactory = _ => new RetrievalOptions().Regularization };
        var testFraction = new Option<double>("--test-fraction") { Description = "Share of text–image pairs held out to measure retrieval (without --test).", DefaultValueFactory = _ => 0.2 };
        var seed = new Option<int>("--seed") { Description = "Seed for the hold-out split and the principal components.", DefaultValueFactory = _ => 1 };
        var wordVectors = new Option<FileInfo?>("--word-vectors")
        {
            Description = "ONNX word-vector model (int64 word ids in 'token_ids', mean vector out of 'embedding'), appended to the text n-grams, e.g. ../shared/models/glove6b-100d-mean.",
        };
        var wordVectorsVocab = new Option<FileInfo?>("--word-vectors-vocab") { Description = "The word-vector model's vocabulary, one word per line (default: vocab.txt beside the model)." };
        var method = new Option<string>("--method")
        {
            Description = "How texts and images are related: 'auto' (CCA or PLS only when it beats the least-squares map on held-out pairs), 'cca', 'pls' or 'least-squares'.",
            DefaultValueFactory = _ => "auto",
        };
        method.AcceptOnlyFromAmong("auto", "cca", "pls", "least-squares");
        var report = new Option<DirectoryInfo?>("--report")
        {
            Description = "Write a report into this folder, as Markdown and HTML: held-out recall of each method against random, the recall@K curve, and a gallery of text queries with thumbnails of their top image hits.",
        };
        var exampleQuery = new Option<string[]>("--example-query") { Description = "A text query for the report's gallery (repeatable); the texts of three posts are added.", AllowMultipleArgumentsPerToken = false };
        var verbose = CommonOptions.Verbose();
        var command = new Command("fit", "Learn a shared text-image space, print held-out recall@1/5/10 and median rank of CCA and least squares against random, and save the better space with an index of every post.")
        {
            dataset, testData, output, builtInFeatures, textEncoder, imageModel, wordVectors, wordVectorsVocab, text, image, method, components, regularization, testFraction, seed, report, exampleQuery, verbose,
        };
        command.SetAction(r => CommandRunner.Run(r.GetValue(verbose), cancellationToken =>
        {
            OutputPaths.Check(r);
            OptionChecks.AtLeast(r.GetValue(components), 1, "--components");
            OptionChecks.Fraction(r.GetValue(testFraction), "--test-fraction");
            var roles = new Dictionary<string, ColumnRole>(StringComparer.Ordinal);
            bool modelFiles = r.GetValue(imageModel) is not null || r.GetValue(wordVectors) is not null;
            if (modelFiles && r.GetValue(builtInFeatures))
            {
                throw new ArgumentException("--builtin-features chooses the built-in features; --image-model and --word-vectors add model files to them. Give one or the other.");
            }

            // A user of the package has the shipped encoders, so they are the default; model files or --builtin-features opt out.
            var options = modelFiles || r.GetValue(builtInFeatures) ? new RetrievalOptions() : RetrievalOptions.WithPretrainedEncoders();
            if (r.GetValue(textEncoder) is { } sentence)
            {
                if (modelFiles || r.GetValue(builtInFeatures))
                {
                    throw new ArgumentException("--text-encoder chooses the sentence encoder of the shipped encoders' features; --builtin-features, --image-model and --word-vectors replace those features. Give one or the other.");
                }

                options.Text.SentenceEncoder = CommonOptions.SentenceEncoder(sentence)!.Value;
            }

            options.TextColumn = r.GetValue(text);
            options.ImageColumn = r.GetValue(image);
            options.Components = r.GetValue(components);
            options.Regularization = r.GetValue(regularization);
            options.Seed = r.GetValue(seed);
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

            if (r.GetValue(wordVectors) is { } vectors)
            {
                options.Text.WordVectors = new WordVectorModelOptions { ModelPath = vectors.FullName, VocabularyPath = r.GetValue(wordVectorsVocab)?.FullName };
            }
            else if (r.GetValue(wordVectorsVocab) is not null)
            {
                throw new ArgumentException("--word-vectors-vocab names the vocabulary of a word-vector model; give the model too (--word-vectors).");
            }

            var datasetFile = r.GetValue(dataset)!;
            AnsiConsole.MarkupLineInterpolated($"Loading [bold]{datasetFile.FullName}[/] …");
            var data = PostDatasetLoader.Load(datasetFile.FullName, new PostLoadOptions { RoleOverrides = roles });
            ConsoleOutput.LoadSummary(data);
            var progress = new ConsoleProgress();
            options.FeaturizationProgress = new FeaturizationLines();
            AnsiConsole.MarkupLineInterpolated($"[bold]Features:[/] {FeaturesLine(options)}");

            RetrievalEvaluation evaluation;
            if (r.GetValue(testData) is { } testFile)
            {
                AnsiConsole.MarkupLineInterpolated($"Loading test posts [bold]{testFile.FullName}[/] …");
                var test = PostDatasetLoader.Load(testFile.FullName, new PostLoadOptions { RoleOverrides = roles });
                ConsoleOutput.LoadSummary(test);
                evaluation = RetrievalEvaluator.Evaluate(data, test, options, progress, cancellationToken);
            }
            else
            {
                evaluation = RetrievalEvaluator.Evaluate(data, options, r.GetValue(testFraction), progress, cancellationToken);
            }

            PrintEvaluation(evaluation);

            // Held out of one file, the pairs just measured decide the method (the space is then refitted on all of them);
            // with a test file, the method is chosen on pairs held back from the training file, so the test file stays unseen.
            bool separateTest = r.GetValue(testData) is not null;
            options.Method = r.GetValue(method) switch
            {
                "cca" => RetrievalMethod.Cca,
                "pls" => RetrievalMethod.PartialLeastSquares,
                "least-squares" => RetrievalMethod.LeastSquares,
                _ => separateTest ? evaluation.Chosen ?? RetrievalMethod.Auto : evaluation.Winner,
            };
            var methodLine = r.GetValue(method) != "auto" ? $"{RetrievalReport.MethodName(options.Method)}, as --method asks."
                : separateTest ? $"{RetrievalReport.MethodName(options.Method)}, chosen on pairs held back from the training posts ({evaluation.ChoiceReason})."
                : MethodChoice(evaluation);
            AnsiConsole.MarkupLineInterpolated($"[bold]Method:[/] {methodLine}");
            AnsiConsole.MarkupLine("Refitting on every text–image pair and indexing every post …");
            using var space = CrossModalSpace.Fit(data, options, progress, cancellationToken);
            using var index = SearchIndex.Build(space, data);
            var outputFile = r.GetValue(output)!;
            index.Save(outputFile.FullName);
            AnsiConsole.MarkupLineInterpolated(
                $"Saved [bold]{outputFile.FullName}[/]: {RetrievalReport.MethodName(space.Method)}, {space.Components} dimensions; {index.TextCount:N0} texts and {index.ImageCount:N0} images indexed with their post id, text excerpt and image path.");
            if (r.GetValue(report) is { } folder)
            {
                var path = RetrievalReport.Build(
                    evaluation, index, data, title: $"Cross-modal retrieval on {Path.GetFileName(datasetFile.FullName)}", queries: r.GetValue(exampleQuery) ?? []).Save(folder.FullName);
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
            AnsiConsole.MarkupLine(queryText is not null ? "Images that best match the text:" : "Texts that best match the image:");
            PrintHits(hits);
            return CommandRunner.Success;
        }));
        return command;
    }

    // One block per hit: a post's text and image path are too long for table cells in an 80-column terminal.
    private static void PrintHits(IReadOnlyList<SearchHit> hits)
    {
        // Text and image path are optional columns: a narrow console keeps rank, id and cosine, or turns the rows into
        // blocks of "column: value" lines, never splitting a word.
        var table = new ResponsiveTable()
            .Column("rank", rightAligned: true).Column("post id").Column("cosine", rightAligned: true)
            .Column("text", optional: true).Column("image", optional: true);
        for (int i = 0; i < hits.Count; i++)
        {
            var hit = hits[i];
            table.Row(
                (i + 1).ToString(CultureInfo.InvariantCulture),
                hit.Id,
                hit.Score.ToString("0.000", CultureInfo.InvariantCulture),
                hit.Text.Length > 0 ? hit.Text : "(none stored)",
                hit.ImagePath ?? "(none)");
        }

        table.Write();
    }

    private static string FeaturesLine(RetrievalOptions options)
    {
        string text = options.Text.SentenceEncoder == SentenceEncoderKind.MiniLM
            ? options.EmbeddingsOnly ? "MiniLM sentence embedding" : "MiniLM sentence embedding and TF-IDF n-grams"
            : options.Text.WordVectors is not null ? "TF-IDF n-grams and word vectors" : "TF-IDF n-grams";
        string image = options.Image.Kind switch
        {
            ImageFeaturizerKind.ResNet18 => "ResNet18 embedding",
            ImageFeaturizerKind.Onnx => $"ONNX embedding {Path.GetFileName(options.Image.Onnx?.ModelPath)}",
            _ => "built-in colour and texture statistics",
        };
        return $"texts as {text}, images as {image}.";
    }

    private static string MethodChoice(RetrievalEvaluation evaluation)
    {
        string figures = string.Join(", ", evaluation.Methods.Select(m => $"{RetrievalReport.ShortName(m.Method)} {F((m.TextToImage.RecallAt10 + m.ImageToText.RecallAt10) / 2)}"));
        return evaluation.Winner == RetrievalMethod.LeastSquares
            ? $"the least-squares map: neither CCA nor PLS beats it on the held-out pairs (mean recall@10 {figures}), so the space uses the map."
            : $"{RetrievalReport.MethodName(evaluation.Winner)}, which beats the least-squares map on the held-out pairs (mean recall@10 {figures}).";
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
        foreach (var (method, textToImage, imageToText) in evaluation.Methods)
        {
            Row(RetrievalReport.ShortName(method), "text → image", textToImage);
            Row(RetrievalReport.ShortName(method), "image → text", imageToText);
        }

        Row("random", "either", evaluation.Random);
        table.Write();
    }

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
