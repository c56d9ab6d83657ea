using System.Diagnostics;
using System.Globalization;
using CrossModalML.Data;
using CrossModalML.Evaluation;
using CrossModalML.Featurization;
using CrossModalML.Packaging;
using CrossModalML.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace CrossModalML.Benchmarks;

/// <summary>Exploration harness for the <c>--preset best</c> target: featurizes a train and a test file once with the
/// balanced preset's featurizer (block scaling, word unigrams, character 1–5-grams, MiniLM, ResNet18; encodings come
/// from the encoder cache), keeps every feature block apart, and fits class-weighted L-BFGS maximum entropy models on
/// weighted combinations of the blocks, alone or stacked. Each variant prints 5-fold cross-validated and held-out
/// accuracy / macro-F1, so a variant is chosen on the training rows and only read on the held-out ones.</summary>
/// <remarks>Usage: <c>-- mvsa-stack TRAIN.tsv TEST.tsv VARIANT...</c>. A variant is <c>key=value</c> pairs joined by
/// commas: <c>ngrams=1,social=1,minilm=1,image=1</c> block weights (0 leaves a block out), <c>l1=</c>, <c>l2=</c>; or
/// <c>stack=A|B|C</c>, a class-balanced multinomial stacker over the out-of-fold log-probabilities of base variants
/// A, B, C (each written with <c>;</c> instead of <c>,</c>), with <c>sl2=</c> its L2, <c>avg=1</c> for the members' plain
/// mean instead, <c>rule=1</c> to add the MVSA label rule over members 0 and 1 as a member, <c>only=N</c> to score member
/// N alone. A base variant's <c>target=text_label|image_label</c> trains it on that column of the file instead of the
/// label (scores are still read against the label); <c>trainer=lgbm</c> fits LightGBM (<c>leaves=</c>, <c>iters=</c>,
/// <c>lr=</c>, <c>minleaf=</c>, <c>ff=</c> feature fraction, <c>bl2=</c> L2) instead of L-BFGS; <c>mincount=K</c> keeps
/// the n-gram slots non-zero in at least K training rows. Environment:
/// <c>MVSA_STACK_SENTENCE_FROM=DIR</c> adds the blocks of the same posts in <c>DIR/{train,test}/posts.tsv</c> (another
/// text): their MiniLM block replaces the original's, their n-grams become block <c>ngrams2</c> (off unless weighted);
/// <c>MVSA_STACK_ARCTIC=1</c> adds the ArcticXs sentence embedding as block <c>arctic</c> (off unless weighted).</remarks>
internal static class MvsaStack
{
    private const int Folds = 5;

    private static Dictionary<string, int[]> _targets = [];

    /// <summary>The classes of another label column, in file order, or null when the file has no such column.</summary>
    private static int[]? OtherLabels(string path, string column, IReadOnlyList<string> classes)
    {
        var lines = File.ReadAllLines(path);
        int index = Array.IndexOf(lines[0].Split('\t'), column);
        return index < 0 ? null : [.. lines.Skip(1).Where(l => l.Length > 0).Select(l => Index(classes, l.Split('\t')[index]))];
    }

    public static void Run(string trainPath, string testPath, string[] variants)
    {
        var load = new PostLoadOptions { LabelColumn = "label" };
        var train = PostDatasetLoader.Load(trainPath, load);
        var test = PostDatasetLoader.Load(testPath, load);
        var classes = train.ClassLabels;
        int[] yTrain = [.. train.GetLabels().Select(l => Index(classes, l))];
        int[] yTest = [.. test.GetLabels().Select(l => Index(classes, l))];
        // Other label columns of the same rows (e.g. text_label, image_label), read from the files: a variant's
        // target=NAME trains its base model on that column instead of the label.
        var targets = new Dictionary<string, int[]> { ["label"] = yTrain };
        foreach (var name in new[] { "text_label", "image_label" })
        {
            if (OtherLabels(trainPath, name, classes) is { } column && column.Length == yTrain.Length)
            {
                targets[name] = column;
            }
        }

        _targets = targets;
        var clock = Stopwatch.StartNew();
        var blocks = Featurize(train, test);
        if (Environment.GetEnvironmentVariable("MVSA_STACK_SENTENCE_FROM") is { Length: > 0 } other)
        {
            // The same posts with another text (e.g. cleaned for the sentence encoder): only its MiniLM block is used.
            var alt = Featurize(PostDatasetLoader.Load(Path.Combine(other, "train", "posts.tsv"), load), PostDatasetLoader.Load(Path.Combine(other, "test", "posts.tsv"), load));
            blocks["minilm"] = alt["minilm"];
            blocks["ngrams2"] = alt["ngrams"];
        }

        if (Environment.GetEnvironmentVariable("MVSA_STACK_ARCTIC") == "1")
        {
            // A second sentence encoder's block, off unless a variant weights it.
            blocks["arctic"] = Featurize(train, test, SentenceEncoderKind.ArcticXs)["arctic"];
        }

        Console.WriteLine($"featurized {train.RowCount} + {test.RowCount} posts in {clock.Elapsed.TotalSeconds:0} s: " +
            string.Join(", ", blocks.Select(b => $"{b.Key} {b.Value.Length}")));
        var folds = DataSplitter.KFold([.. yTrain.Select(i => classes[i])], Folds, 1);

        Console.WriteLine("| variant | CV acc | CV mF1 | test acc | test mF1 | s |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var spec in variants)
        {
            clock.Restart();
            var (oof, testP) = spec.StartsWith("stack=", StringComparison.Ordinal)
                ? Stack(spec, blocks, yTrain, classes, folds)
                : Base(Parse(spec), blocks, yTrain, classes, folds);
            var cv = MetricsCalculator.Classification(classes, yTrain, oof);
            var held = MetricsCalculator.Classification(classes, yTest, testP);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {spec} | {cv.Accuracy:0.000} | {cv.MacroF1:0.000} | {held.Accuracy:0.000} | {held.MacroF1:0.000} | {clock.Elapsed.TotalSeconds:0} |"));
        }
    }

    /// <summary>Out-of-fold probabilities of the training rows and the all-rows model's probabilities of the test rows.</summary>
    private static (List<float[]> OutOfFold, List<float[]> Test) Base(Dictionary<string, string> v, Dictionary<string, Block> blocks, int[] y, IReadOnlyList<string> classes, IReadOnlyList<DataSplit> folds)
    {
        if (v.TryGetValue("target", out var target))
        {
            y = _targets[target];
        }

        var weights = blocks.Keys.ToDictionary(k => k, k => v.TryGetValue(k, out var w) ? float.Parse(w, CultureInfo.InvariantCulture) : k is "ngrams2" or "arctic" ? 0f : 1f);
        if (v.TryGetValue("mincount", out var minCount))
        {
            // Keep only the n-gram slots non-zero in at least mincount training rows (a slot cut for tree trainers).
            blocks = new Dictionary<string, Block>(blocks) { ["ngrams"] = KeepFrequentSlots(blocks["ngrams"], int.Parse(minCount, CultureInfo.InvariantCulture)) };
        }

        var x = Assemble(blocks, weights, b => b.Train, out int length);
        var xt = Assemble(blocks, weights, b => b.Test, out _);
        float l1 = F(v, "l1", 1f / 16_384), l2 = F(v, "l2", 1f / 64);
        string trainer = v.TryGetValue("trainer", out var t) ? t : "lbfgs";
        var oof = new float[y.Length][];
        foreach (var fold in folds)
        {
            var p = Fit([.. fold.Train.Select(i => x[i])], [.. fold.Train.Select(i => y[i])], [.. fold.Test.Select(i => x[i])], classes, length, l1, l2, trainer, v);
            for (int k = 0; k < fold.Test.Count; k++)
            {
                oof[fold.Test[k]] = p[k];
            }
        }

        return ([.. oof], Fit(x, y, xt, classes, length, l1, l2, trainer, v));
    }

    private static (List<float[]> OutOfFold, List<float[]> Test) Stack(string spec, Dictionary<string, Block> blocks, int[] y, IReadOnlyList<string> classes, IReadOnlyList<DataSplit> folds)
    {
        var parts = spec.Split(',');
        var members = parts[0]["stack=".Length..].Split('|').Select(m => Base(Parse(m.Replace(';', ',')), blocks, y, classes, folds)).ToList();
        var extra = Parse(string.Join(',', parts.Skip(1)));
        float l2 = F(extra, "sl2", 1f);
        if (F(extra, "rule", 0) == 1)
        {
            // The MVSA label rule over members 0 (text_label) and 1 (image_label): neutral when both are, else the
            // polar one; a positive/negative conflict is not a post of the data set, so its mass is dropped.
            members.Add((Rule(members[0].OutOfFold, members[1].OutOfFold, classes), Rule(members[0].Test, members[1].Test, classes)));
        }

        if (F(extra, "avg", 0) == 1)
        {
            // The members' plain mean, no stacker.
            List<float[]> Mean(Func<(List<float[]> OutOfFold, List<float[]> Test), List<float[]>> pick) =>
                [.. Enumerable.Range(0, pick(members[0]).Count).Select(i => Enumerable.Range(0, classes.Count).Select(c => members.Average(m => pick(m)[i][c])).ToArray())];
            return (Mean(m => m.OutOfFold), Mean(m => m.Test));
        }

        if (F(extra, "only", -1) is var only && only >= 0)
        {
            // Score one member alone (e.g. the rule), with no stacker.
            return members[(int)only];
        }

        VBuffer<float>[] Meta(Func<(List<float[]> OutOfFold, List<float[]> Test), List<float[]>> pick, int rows) =>
            [.. Enumerable.Range(0, rows).Select(i => new VBuffer<float>(members.Count * classes.Count,
                [.. members.SelectMany(m => pick(m)[i].Select(p => MathF.Log(Math.Max(p, 1e-6f))))]))];
        var x = Meta(m => m.OutOfFold, y.Length);
        var xt = Meta(m => m.Test, members[0].Test.Count);
        int length = members.Count * classes.Count;

        // The stacker's own out-of-fold score: the same folds, so a row's meta features never came from a model that saw it.
        var oof = new float[y.Length][];
        foreach (var fold in folds)
        {
            var p = Fit([.. fold.Train.Select(i => x[i])], [.. fold.Train.Select(i => y[i])], [.. fold.Test.Select(i => x[i])], classes, length, 0, l2);
            for (int k = 0; k < fold.Test.Count; k++)
            {
                oof[fold.Test[k]] = p[k];
            }
        }

        return ([.. oof], Fit(x, y, xt, classes, length, 0, l2));
    }

    private static Block KeepFrequentSlots(Block block, int minCount)
    {
        var counts = new int[block.Length];
        foreach (var row in block.Train)
        {
            var values = row.GetValues();
            var indices = row.GetIndices();
            for (int k = 0; k < values.Length; k++)
            {
                if (values[k] != 0)
                {
                    counts[row.IsDense ? k : indices[k]]++;
                }
            }
        }

        var map = new int[block.Length];
        int kept = 0;
        for (int j = 0; j < block.Length; j++)
        {
            map[j] = counts[j] >= minCount ? kept++ : -1;
        }

        Console.Error.WriteLine($"mincount {minCount}: {kept} of {block.Length} n-gram slots kept");
        VBuffer<float> Cut(VBuffer<float> row)
        {
            var values = row.GetValues();
            var indices = row.GetIndices();
            var newValues = new List<float>();
            var newIndices = new List<int>();
            for (int k = 0; k < values.Length; k++)
            {
                int slot = row.IsDense ? k : indices[k];
                if (map[slot] >= 0 && values[k] != 0)
                {
                    newValues.Add(values[k]);
                    newIndices.Add(map[slot]);
                }
            }

            return new VBuffer<float>(kept, newValues.Count, [.. newValues], [.. newIndices]);
        }

        return new Block([.. block.Train.Select(Cut)], [.. block.Test.Select(Cut)], kept);
    }

    private static List<float[]> Rule(List<float[]> text, List<float[]> image, IReadOnlyList<string> classes)
    {
        int neg = Index(classes, "negative"), neu = Index(classes, "neutral"), pos = Index(classes, "positive");
        return [.. text.Select((t, i) =>
        {
            var m = image[i];
            var p = new float[classes.Count];
            p[neu] = t[neu] * m[neu];
            p[pos] = t[pos] * m[pos] + t[pos] * m[neu] + t[neu] * m[pos];
            p[neg] = t[neg] * m[neg] + t[neg] * m[neu] + t[neu] * m[neg];
            float sum = p.Sum();
            return p.Select(x => x / sum).ToArray();
        })];
    }

    private static float F(Dictionary<string, string> v, string key, float fallback) =>
        v.TryGetValue(key, out var s) ? float.Parse(s, CultureInfo.InvariantCulture) : fallback;

    private static Dictionary<string, string> Parse(string spec) =>
        spec.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);

    private sealed record Block(VBuffer<float>[] Train, VBuffer<float>[] Test, int Length);

    /// <summary>The balanced preset's blocks, already scaled as its featurizer scales them (image weight 1).</summary>
    private static Dictionary<string, Block> Featurize(PostDataset train, PostDataset test, SentenceEncoderKind sentence = SentenceEncoderKind.MiniLM)
    {
        var ml = new MLContext(1);
        CrossModalRegistration.Register(ml);
        var options = new FeaturizerOptions
        {
            Scaling = FeatureScaling.Blocks,
            Text = new TextFeaturizerOptions { WordNgramLength = 1, UseCharNgrams = true, CharNgramLength = 5, SentenceEncoder = sentence },
            Image = new ImageFeaturizerOptions { Kind = ImageFeaturizerKind.ResNet18 },
        };
        var featurizer = CrossModalFeaturizer.Build(ml, train.Columns, options);
        var fitted = featurizer.Estimator.Fit(train.DataView);
        var a = fitted.Transform(train.DataView);
        var b = fitted.Transform(test.DataView);
        var result = new Dictionary<string, Block>();
        foreach (var group in featurizer.Groups)
        {
            string key = group.Name switch
            {
                var n when n.StartsWith("text n-grams", StringComparison.Ordinal) => "ngrams",
                var n when n.StartsWith("social", StringComparison.Ordinal) => "social",
                var n when n.Contains("MiniLM", StringComparison.Ordinal) => "minilm",
                var n when n.Contains("ArcticXs", StringComparison.Ordinal) => "arctic",
                var n when group.Modality == Modality.Image && n.Contains("ResNet18", StringComparison.OrdinalIgnoreCase) => "image",
                _ => group.Name,
            };
            Console.Error.WriteLine($"block {key}: {group.Name} -> {group.OutputColumn}");
            var trainRows = Rows(a, group.OutputColumn);
            result[key] = new Block(trainRows, Rows(b, group.OutputColumn), trainRows[0].Length);
        }

        return result;
    }

    /// <summary>A feature column's rows, copied (a one-value column as one-slot vectors).</summary>
    internal static VBuffer<float>[] Rows(IDataView view, string column)
    {
        var rows = new List<VBuffer<float>>();
        var col = view.Schema[column];
        using var cursor = view.GetRowCursor([col]);
        if (col.Type is not VectorDataViewType)
        {
            // A one-value block (e.g. an image-missing flag).
            var scalar = cursor.GetGetter<float>(col);
            float value = 0;
            while (cursor.MoveNext())
            {
                scalar(ref value);
                rows.Add(new VBuffer<float>(1, [value]));
            }

            return [.. rows];
        }

        var getter = cursor.GetGetter<VBuffer<float>>(col);
        var buffer = default(VBuffer<float>);
        while (cursor.MoveNext())
        {
            getter(ref buffer);
            var copy = default(VBuffer<float>);
            buffer.CopyTo(ref copy);
            rows.Add(copy);
        }

        return [.. rows];
    }

    /// <summary>The blocks with a non-zero weight, each multiplied by its weight, concatenated in a fixed order.</summary>
    private static VBuffer<float>[] Assemble(Dictionary<string, Block> blocks, Dictionary<string, float> weights, Func<Block, VBuffer<float>[]> side, out int length)
    {
        var used = blocks.Where(b => weights[b.Key] != 0).OrderBy(b => b.Key, StringComparer.Ordinal).ToList();
        length = used.Sum(b => b.Value.Length);
        int rows = side(used[0].Value).Length;
        var result = new VBuffer<float>[rows];
        for (int r = 0; r < rows; r++)
        {
            var indices = new List<int>();
            var values = new List<float>();
            int offset = 0;
            foreach (var (key, block) in used)
            {
                var row = side(block)[r];
                var v = row.GetValues();
                var ix = row.GetIndices();
                for (int k = 0; k < v.Length; k++)
                {
                    if (v[k] != 0)
                    {
                        indices.Add(offset + (row.IsDense ? k : ix[k]));
                        values.Add(v[k] * weights[key]);
                    }
                }

                offset += block.Length;
            }

            result[r] = new VBuffer<float>(length, values.Count, [.. values], [.. indices]);
        }

        return result;
    }

    private static List<float[]> Fit(VBuffer<float>[] xTrain, int[] yTrain, VBuffer<float>[] xTest, IReadOnlyList<string> classes, int length, float l1, float l2, string trainer = "lbfgs", Dictionary<string, string>? v = null)
    {
        var ml = new MLContext(1);
        var weights = ClassWeights.Balanced([.. yTrain.Select(i => classes[i])], classes);
        var definition = SchemaDefinition.Create(typeof(Row));
        definition[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, length);
        definition[nameof(Row.Label)].ColumnType = new KeyDataViewType(typeof(uint), classes.Count);
        IDataView View(VBuffer<float>[] x, int[]? y) => ml.Data.LoadFromEnumerable(
            x.Select((f, i) => new Row { Features = f, Label = (uint)(y?[i] ?? 0), Weight = y is null ? 1f : (float)weights[y[i]] }).ToList(), definition);
        v ??= [];
        IEstimator<ITransformer> estimator = trainer switch
        {
            "lgbm" => ml.MulticlassClassification.Trainers.LightGbm(new Microsoft.ML.Trainers.LightGbm.LightGbmMulticlassTrainer.Options
            {
                LabelColumnName = nameof(Row.Label),
                FeatureColumnName = nameof(Row.Features),
                ExampleWeightColumnName = nameof(Row.Weight),
                NumberOfLeaves = (int)F(v, "leaves", 8),
                NumberOfIterations = (int)F(v, "iters", 200),
                LearningRate = F(v, "lr", 0.05f),
                MinimumExampleCountPerLeaf = (int)F(v, "minleaf", 20),
                Booster = new Microsoft.ML.Trainers.LightGbm.GradientBooster.Options { FeatureFraction = F(v, "ff", 0.5f), L2Regularization = F(v, "bl2", 1f) },
                Seed = 1,
                Deterministic = true,
                NumberOfThreads = 2,
            }),
            _ => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = nameof(Row.Label),
                FeatureColumnName = nameof(Row.Features),
                ExampleWeightColumnName = nameof(Row.Weight),
                L1Regularization = l1,
                L2Regularization = l2,
            }),
        };
        var model = estimator.Fit(View(xTrain, yTrain));
        return ScoredOutput.ReadProbabilities(model.Transform(View(xTest, null)), TaskKind.Multiclass, classes.Count);
    }

    private static int Index(IReadOnlyList<string> classes, string label)
    {
        for (int i = 0; i < classes.Count; i++)
        {
            if (classes[i] == label)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"label {label} is not one of {string.Join(", ", classes)}");
    }

    private sealed class Row
    {
        public VBuffer<float> Features { get; set; }

        public uint Label { get; set; }

        public float Weight { get; set; }
    }
}
