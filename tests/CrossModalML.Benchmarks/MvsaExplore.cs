using System.Diagnostics;
using System.Globalization;
using CrossModalML.Data;
using CrossModalML.Featurization;
using CrossModalML.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using CrossModalML.Evaluation;

namespace CrossModalML.Benchmarks;

/// <summary>Exploration harness for the MVSA target: featurizes the 80/20 split once (MobileNetV2 embeddings cached in a
/// work folder), then fits L-BFGS maximum entropy on many scalings of the feature blocks and prints held-out and
/// cross-validated accuracy / macro-F1. Usage: <c>-- mvsa-explore WORKDIR</c>.</summary>
internal static class MvsaExplore
{
    public static void Run(string sharedRoot, string workDirectory, string[] variants)
    {
        var (trainPath, testPath) = MvsaSplit.Write(Path.Combine(sharedRoot, "datasets", "mvsa-single"), workDirectory);
        var load = new PostLoadOptions { LabelColumn = "label" };
        var train = PostDatasetLoader.Load(trainPath, load);
        var test = PostDatasetLoader.Load(testPath, load);
        var classes = train.ClassLabels;
        int[] yTrain = train.GetLabels().Select(l => IndexOf(classes, l)).ToArray();
        int[] yTest = test.GetLabels().Select(l => IndexOf(classes, l)).ToArray();
        var modelPath = Path.Combine(sharedRoot, "models", "mobilenetv2-12-int8", "mobilenetv2-12-int8-embed-rgb255.onnx");
        var embTrain = Embeddings(train, modelPath, Path.Combine(workDirectory, "emb-train.bin"));
        var embTest = Embeddings(test, modelPath, Path.Combine(workDirectory, "emb-test.bin"));
        Console.WriteLine($"train {train.RowCount}, test {test.RowCount}, classes {string.Join(",", classes)}, embedding {embTrain[0].Length}");

        var texts = new Dictionary<string, (VBuffer<float>[] Train, VBuffer<float>[] Test, float[][] SocialTrain, float[][] SocialTest)>();
        (VBuffer<float>[] Train, VBuffer<float>[] Test, float[][] SocialTrain, float[][] SocialTest) Text(int word, int chars, bool separate)
        {
            var key = $"{word}:{chars}:{separate}";
            if (!texts.TryGetValue(key, out var t))
            {
                if (separate)
                {
                    var w = TextBlocks(train, test, word, 0);
                    var c = TextBlocks(train, test, word, chars, charsOnly: true);
                    t = (Join(w.Item1, c.Item1), Join(w.Item2, c.Item2), w.Item3, w.Item4);
                }
                else
                {
                    t = TextBlocks(train, test, word, chars);
                }

                texts[key] = t;
            }

            return t;
        }

        Console.WriteLine("| variant | CV acc | CV mF1 | test acc | test mF1 | s |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var spec in variants)
        {
            var v = Variant.Parse(spec);
            var t = Text(v.Word, v.Chars, v.Separate);
            var clock = Stopwatch.StartNew();
            var xTrain = Assemble(v, t.Train, t.SocialTrain, embTrain, t.SocialTrain, embTrain, out int length);
            var xTest = Assemble(v, t.Test, t.SocialTest, embTest, t.SocialTrain, embTrain, out _);
            var (cvAcc, cvF1) = v.Cv ? CrossValidate(v, xTrain, yTrain, classes, length) : (double.NaN, double.NaN);
            double acc, f1;
            if (v.Late is { } alpha)
            {
                // Late fusion probe: a text-only and an image-only model, probabilities multiplied (image ones to the power alpha).
                var textOnly = v with { Image = false, Bias = null };
                var imageOnly = v with { Social = false, TextWeight = 0, L2 = v.ImageL2, Bias = null };
                var pt = Predict(textOnly, Assemble(textOnly, t.Train, t.SocialTrain, embTrain, t.SocialTrain, embTrain, out int lt), yTrain,
                    Assemble(textOnly, t.Test, t.SocialTest, embTest, t.SocialTrain, embTrain, out _), classes, lt);
                var pi = Predict(imageOnly, Assemble(imageOnly, t.Train, t.SocialTrain, embTrain, t.SocialTrain, embTrain, out int li), yTrain,
                    Assemble(imageOnly, t.Test, t.SocialTest, embTest, t.SocialTrain, embTrain, out _), classes, li);
                var fused = pt.Select((p, i) =>
                {
                    var q = p.Select((x, c) => x * MathF.Pow(pi[i][c], alpha) * (v.Bias?[c] ?? 1f)).ToArray();
                    float sum = q.Sum();
                    return q.Select(x => x / sum).ToArray();
                }).ToList();
                var m = MetricsCalculator.Classification(classes, yTest, fused);
                (acc, f1) = (m.Accuracy ?? double.NaN, m.MacroF1 ?? double.NaN);
            }
            else
            {
                (acc, f1) = FitScore(v, xTrain, yTrain, xTest, yTest, classes, length);
            }
            Console.WriteLine($"| {spec} | {cvAcc:0.000} | {cvF1:0.000} | {acc:0.000} | {f1:0.000} | {clock.Elapsed.TotalSeconds:0} |");
        }
    }

    private static int IndexOf(IReadOnlyList<string> classes, string label)
    {
        for (int i = 0; i < classes.Count; i++)
        {
            if (classes[i] == label)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"label {label}");
    }

    private static float[][] Embeddings(PostDataset data, string modelPath, string cachePath)
    {
        if (File.Exists(cachePath))
        {
            using var reader = new BinaryReader(File.OpenRead(cachePath));
            int rows = reader.ReadInt32(), length = reader.ReadInt32();
            var cached = new float[rows][];
            for (int i = 0; i < rows; i++)
            {
                cached[i] = new float[length];
                for (int j = 0; j < length; j++)
                {
                    cached[i][j] = reader.ReadSingle();
                }
            }

            return cached;
        }

        var ml = new MLContext(1);
        CrossModalRegistration.Register(ml);
        var options = new FeaturizerOptions
        {
            Modalities = Modality.Image,
            Image = new ImageFeaturizerOptions { Kind = ImageFeaturizerKind.Onnx, Onnx = OnnxImageModelOptions.MobileNetV2(modelPath) },
        };
        var featurizer = CrossModalFeaturizer.Build(ml, data.Columns, options);
        var output = featurizer.Estimator.Fit(data.DataView).Transform(data.DataView);
        var result = Dense(output, FeaturizationPipeline.FeaturesColumnName);
        using (var writer = new BinaryWriter(File.Create(cachePath)))
        {
            writer.Write(result.Length);
            writer.Write(result[0].Length);
            foreach (var row in result)
            {
                foreach (var value in row)
                {
                    writer.Write(value);
                }
            }
        }

        return result;
    }

    private static float[][] Dense(IDataView view, string column)
    {
        var rows = new List<float[]>();
        var col = view.Schema[column];
        using var cursor = view.GetRowCursor([col]);
        var getter = cursor.GetGetter<VBuffer<float>>(col);
        var buffer = default(VBuffer<float>);
        while (cursor.MoveNext())
        {
            getter(ref buffer);
            rows.Add(buffer.DenseValues().ToArray());
        }

        return rows.ToArray();
    }

    private static VBuffer<float>[] Sparse(IDataView view, string column) => MvsaStack.Rows(view, column);

    private static VBuffer<float>[] Join(VBuffer<float>[] a, VBuffer<float>[] b)
    {
        var rows = new VBuffer<float>[a.Length];
        for (int r = 0; r < a.Length; r++)
        {
            var indices = new List<int>();
            var values = new List<float>();
            foreach (var (part, offset) in new[] { (a[r], 0), (b[r], a[r].Length) })
            {
                var pv = part.GetValues();
                var pi = part.GetIndices();
                for (int k = 0; k < pv.Length; k++)
                {
                    if (pv[k] != 0)
                    {
                        indices.Add(offset + (part.IsDense ? k : pi[k]));
                        values.Add(pv[k]);
                    }
                }
            }

            rows[r] = new VBuffer<float>(a[r].Length + b[r].Length, values.Count, values.ToArray(), indices.ToArray());
        }

        return rows;
    }

    private static (VBuffer<float>[], VBuffer<float>[], float[][], float[][]) TextBlocks(PostDataset train, PostDataset test, int word, int chars, bool charsOnly = false)
    {
        if (charsOnly)
        {
            var mlc = new MLContext(1);
            var est = mlc.Transforms.Text.FeaturizeText("C", new Microsoft.ML.Transforms.Text.TextFeaturizingEstimator.Options
            {
                CaseMode = Microsoft.ML.Transforms.Text.TextNormalizingEstimator.CaseMode.Lower,
                KeepDiacritics = false,
                KeepPunctuations = true,
                KeepNumbers = true,
                WordFeatureExtractor = null,
                CharFeatureExtractor = new Microsoft.ML.Transforms.Text.WordBagEstimator.Options
                {
                    NgramLength = chars,
                    UseAllLengths = true,
                    Weighting = Microsoft.ML.Transforms.Text.NgramExtractingEstimator.WeightingCriteria.TfIdf,
                },
                Norm = Microsoft.ML.Transforms.Text.TextFeaturizingEstimator.NormFunction.L2,
            }, "text");
            var f = est.Fit(train.DataView);
            return (Sparse(f.Transform(train.DataView), "C"), Sparse(f.Transform(test.DataView), "C"), [], []);
        }

        var ml = new MLContext(1);
        CrossModalRegistration.Register(ml);
        var options = new FeaturizerOptions
        {
            Modalities = Modality.Text,
            Text = new TextFeaturizerOptions { WordNgramLength = word, UseCharNgrams = chars > 0, CharNgramLength = Math.Max(chars, 1) },
        };
        var featurizer = CrossModalFeaturizer.Build(ml, train.Columns, options);
        var fitted = featurizer.Estimator.Fit(train.DataView);
        var ngrams = featurizer.Groups.First(g => g.Name.StartsWith("text n-grams", StringComparison.Ordinal)).OutputColumn;
        var social = featurizer.Groups.First(g => g.Name.StartsWith("social", StringComparison.Ordinal)).OutputColumn;
        var a = fitted.Transform(train.DataView);
        var b = fitted.Transform(test.DataView);
        return (Sparse(a, ngrams), Sparse(b, ngrams), Dense(a, social), Dense(b, social));
    }

    /// <summary>Builds rows: text n-grams, then social signals, then the image embedding, scaled as the variant says.
    /// Scaling statistics come from the training rows (<paramref name="socialRef"/>, <paramref name="embRef"/>).</summary>
    private static VBuffer<float>[] Assemble(Variant v, VBuffer<float>[] text, float[][] social, float[][] emb, float[][] socialRef, float[][] embRef, out int length)
    {
        var (sMean, sStd) = Stats(socialRef);
        var (eMean, eStd) = Stats(embRef);
        int textLength = text[0].Length, socialLength = v.Social ? social[0].Length : 0, embLength = v.Image ? emb[0].Length : 0;
        length = textLength + socialLength + embLength;
        var rows = new VBuffer<float>[text.Length];
        for (int r = 0; r < text.Length; r++)
        {
            var indices = new List<int>();
            var values = new List<float>();
            var tv = text[r].GetValues();
            var ti = text[r].GetIndices();
            for (int k = 0; k < tv.Length; k++)
            {
                indices.Add(text[r].IsDense ? k : ti[k]);
                values.Add(tv[k] * v.TextWeight);
            }

            var tail = new float[socialLength + embLength];
            if (v.Social)
            {
                Block(tail, 0, social[r], sMean, sStd, v.Scaling, v.SocialWeight);
            }

            if (v.Image)
            {
                Block(tail, socialLength, emb[r], eMean, eStd, v.Scaling, v.ImageWeight);
            }

            for (int j = 0; j < tail.Length; j++)
            {
                indices.Add(textLength + j);
                values.Add(tail[j]);
            }

            rows[r] = new VBuffer<float>(length, values.Count, values.ToArray(), indices.ToArray());
        }

        if (v.MinMax)
        {
            // ML.NET's min-max keeps zero at zero: it divides each slot by its largest magnitude on the training rows.
            if (ReferenceEquals(social, socialRef))
            {
                var scale = new float[length];
                foreach (var row in rows)
                {
                    var values = row.GetValues();
                    var indices = row.GetIndices();
                    for (int k = 0; k < values.Length; k++)
                    {
                        scale[indices[k]] = Math.Max(scale[indices[k]], Math.Abs(values[k]));
                    }
                }

                MinMaxScale = scale;
            }

            for (int r = 0; r < rows.Length; r++)
            {
                var values = rows[r].GetValues().ToArray();
                var indices = rows[r].GetIndices().ToArray();
                for (int k = 0; k < values.Length; k++)
                {
                    float s = MinMaxScale[indices[k]];
                    values[k] = s == 0 ? 0 : values[k] / s;
                }

                rows[r] = new VBuffer<float>(length, values.Length, values, indices);
            }
        }

        return rows;
    }

    private static float[] MinMaxScale { get; set; } = [];

    private static void Block(float[] dense, int offset, float[] values, float[] mean, float[] std, string scaling, float weight)
    {
        var scaled = new float[values.Length];
        for (int j = 0; j < values.Length; j++)
        {
            scaled[j] = scaling switch
            {
                "raw" => values[j],
                _ => std[j] == 0 ? 0 : (values[j] - mean[j]) / std[j],
            };
        }

        float factor = scaling switch
        {
            "std" => 1f / MathF.Sqrt(values.Length),
            "stdl2" => 1f / MathF.Max(1e-6f, MathF.Sqrt(scaled.Sum(x => x * x))),
            "l2" => 1f / MathF.Max(1e-6f, MathF.Sqrt(values.Sum(x => x * x))),
            _ => 1f,
        };
        if (scaling == "l2")
        {
            scaled = values;
        }

        for (int j = 0; j < values.Length; j++)
        {
            dense[offset + j] = scaled[j] * factor * weight;
        }
    }

    private static (float[] Mean, float[] Std) Stats(float[][] rows)
    {
        int d = rows[0].Length;
        var mean = new float[d];
        var std = new float[d];
        foreach (var r in rows)
        {
            for (int j = 0; j < d; j++)
            {
                mean[j] += r[j] / rows.Length;
            }
        }

        foreach (var r in rows)
        {
            for (int j = 0; j < d; j++)
            {
                std[j] += (r[j] - mean[j]) * (r[j] - mean[j]) / rows.Length;
            }
        }

        for (int j = 0; j < d; j++)
        {
            std[j] = MathF.Sqrt(std[j]);
        }

        return (mean, std);
    }

    private static (double, double) CrossValidate(Variant v, VBuffer<float>[] x, int[] y, IReadOnlyList<string> classes, int length)
    {
        var folds = DataSplitter.KFold(y.Select(i => classes[i]).ToList(), 5, 1);
        var truth = new List<int>();
        var probabilities = new List<float[]>();
        foreach (var fold in folds)
        {
            var p = Predict(v, fold.Train.Select(i => x[i]).ToArray(), fold.Train.Select(i => y[i]).ToArray(), fold.Test.Select(i => x[i]).ToArray(), classes, length);
            truth.AddRange(fold.Test.Select(i => y[i]));
            probabilities.AddRange(p);
        }

        var m = MetricsCalculator.Classification(classes, truth, probabilities);
        return (m.Accuracy ?? double.NaN, m.MacroF1 ?? double.NaN);
    }

    private static (double, double) FitScore(Variant v, VBuffer<float>[] xTrain, int[] yTrain, VBuffer<float>[] xTest, int[] yTest, IReadOnlyList<string> classes, int length)
    {
        var p = Predict(v, xTrain, yTrain, xTest, classes, length);
        var m = MetricsCalculator.Classification(classes, yTest, p);
        Console.Error.WriteLine(string.Join(" ", m.PerClass!.Select(c => c.ToString())));
        return (m.Accuracy ?? double.NaN, m.MacroF1 ?? double.NaN);
    }

    private static List<float[]> Predict(Variant v, VBuffer<float>[] xTrain, int[] yTrain, VBuffer<float>[] xTest, IReadOnlyList<string> classes, int length)
    {
        var ml = new MLContext(1);
        var weights = ClassWeights.Balanced(yTrain.Select(i => classes[i]).ToList(), classes);
        var definition = SchemaDefinition.Create(typeof(Row));
        definition[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, length);
        definition[nameof(Row.Label)].ColumnType = new KeyDataViewType(typeof(uint), classes.Count);
        IDataView View(VBuffer<float>[] x, int[]? y) => ml.Data.LoadFromEnumerable(
            x.Select((f, i) => new Row { Features = f, Label = (uint)(y?[i] ?? 0), Weight = y is null ? 1f : v.Weighted ? MathF.Pow(weights[y[i]], v.WeightPower) : 1f }).ToList(), definition);
        var options = new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = nameof(Row.Label),
            FeatureColumnName = nameof(Row.Features),
            ExampleWeightColumnName = nameof(Row.Weight),
            L1Regularization = v.L1,
            L2Regularization = v.L2,
        };
        var model = ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(options).Fit(View(xTrain, yTrain));
        var scored = model.Transform(View(xTest, null));
        var probabilities = ScoredOutput.ReadProbabilities(scored, TaskKind.Multiclass, classes.Count);
        if (v.Bias is { } bias)
        {
            foreach (var p in probabilities)
            {
                for (int c = 0; c < p.Length; c++)
                {
                    p[c] *= bias[c];
                }
            }
        }

        return probabilities;
    }

    private sealed class Row
    {
        public VBuffer<float> Features { get; set; }

        public uint Label { get; set; }

        public float Weight { get; set; }
    }

    /// <summary>A variant as <c>key=value</c> pairs joined by commas, e.g. <c>scale=std,img=1,l1=0,l2=0.1,w=1</c>.</summary>
    private sealed record Variant(int Word, int Chars, bool MinMax, string Scaling, bool Social, bool Image, float TextWeight, float SocialWeight, float ImageWeight, float L1, float L2, bool Weighted, float WeightPower, bool Cv, bool Separate, float[]? Bias, float? Late, float ImageL2)
    {
        public static Variant Parse(string spec)
        {
            var d = spec.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
            string S(string k, string f) => d.TryGetValue(k, out var s) ? s : f;
            float F(string k, float f) => float.Parse(S(k, f.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
            return new Variant(
                (int)F("word", 2), (int)F("chars", 4), S("minmax", "0") == "1", S("scale", "std"), S("social", "1") == "1", S("img", "1") != "0",
                F("tw", 1), F("sw", 1), F("iw", 1), F("l1", 0), F("l2", 1), S("w", "0") == "1" || d.ContainsKey("wp"), F("wp", 1), S("cv", "1") == "1", S("sep", "0") == "1",
                d.TryGetValue("bias", out var b) ? b.Split(':').Select(x => float.Parse(x, CultureInfo.InvariantCulture)).ToArray() : null,
                d.ContainsKey("late") ? F("late", 1) : null, F("il2", 1));
        }
    }
}
