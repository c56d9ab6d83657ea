using CrossModalML.AutoML;
using CrossModalML.Data;
using CrossModalML.Featurization;
using CrossModalML.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using CrossModalML.Evaluation;
using CrossModalML.Packaging;

namespace CrossModalML.Tests.Training;

[TestClass]
public sealed class TrainerFactoryTests
{
    [TestMethod]
    public void Every_listed_trainer_builds_for_its_task()
    {
        // Each trainer is fitted on a small data set with a planted signal and must learn it: a trainer that builds
        // but cannot fit its task's label type, or fits and learns nothing, fails here.
        var ml = new MLContext(1);
        var data = TinyData(ml, rows: 200, favoured: 1f);
        foreach (var task in new[] { TaskKind.Binary, TaskKind.Multiclass, TaskKind.Regression })
        {
            foreach (var name in TrainerFactory.NamesFor(task))
            {
                var estimator = TrainerFactory.Create(ml, task, new TrainerSpec(name), "Label", "Features");
                var scored = Fit(ml, task, estimator, data);
                if (task == TaskKind.Regression)
                {
                    var metrics = ml.Regression.Evaluate(scored, "Label");
                    Assert.IsTrue(metrics.RSquared > 0.5, $"{name} for {task}: R² {metrics.RSquared:0.000} on a planted linear signal");
                }
                else
                {
                    var accuracy = Agreement(scored, task);
                    Assert.IsTrue(accuracy > 0.75, $"{name} for {task}: training accuracy {accuracy:0.000} on a planted signal");
                }
            }
        }
    }

    [TestMethod]
    public void A_trainer_that_does_not_fit_the_task_is_rejected_with_the_valid_names()
    {
        var ex = Assert.ThrowsExactly<ArgumentException>(() =>
            TrainerFactory.Create(new MLContext(1), TaskKind.Regression, new TrainerSpec(TrainerNames.LbfgsMaximumEntropy), "Label", "Features"));
        StringAssert.Contains(ex.Message, "LbfgsMaximumEntropy");
        StringAssert.Contains(ex.Message, TrainerNames.LightGbm);
    }

    [TestMethod]
    public void An_unknown_hyperparameter_is_an_error_not_a_silent_default()
    {
        var spec = new TrainerSpec(TrainerNames.LightGbm, new Dictionary<string, double> { ["NumLeaves"] = 8 });
        var ex = Assert.ThrowsExactly<ArgumentException>(() =>
            TrainerFactory.Create(new MLContext(1), TaskKind.Binary, spec, "Label", "Features"));
        StringAssert.Contains(ex.Message, "'NumLeaves'");
        StringAssert.Contains(ex.Message, "NumberOfLeaves");
    }

    [TestMethod]
    public void Specs_with_the_same_parameters_are_equal_whatever_the_insertion_order()
    {
        var a = new TrainerSpec("FastTree", new Dictionary<string, double> { ["NumberOfTrees"] = 50, ["LearningRate"] = 0.1 });
        var b = new TrainerSpec("FastTree", new Dictionary<string, double> { ["LearningRate"] = 0.1, ["NumberOfTrees"] = 50 });
        Assert.AreEqual(a, b);
        Assert.AreEqual(a.GetHashCode(), b.GetHashCode());
        Assert.AreEqual("FastTree(LearningRate=0.1, NumberOfTrees=50)", a.ToString());
    }

    [TestMethod]
    public void Class_weighting_builds_for_every_weighted_classifier_and_is_refused_where_it_cannot_apply()
    {
        // Rows of class 1 weigh 25 times more: a trainer that really reads the weight column scores differently, and
        // predicts class 1 at least as often, as the same trainer without weighting on the same (noisy) rows.
        var ml = new MLContext(1);
        var data = TinyData(ml, rows: 200, favoured: 25f, noise: 1.5f);
        var weighted = new Dictionary<string, double> { [TrainerFactory.ClassWeightingParameter] = 1 };
        foreach (var task in new[] { TaskKind.Binary, TaskKind.Multiclass })
        {
            foreach (var name in TrainerFactory.NamesFor(task).Where(TrainerFactory.TakesClassWeights))
            {
                var plainScores = Fit(ml, task, TrainerFactory.Create(ml, task, new TrainerSpec(name), "Label", "Features"), data);
                var heavyScores = Fit(ml, task, TrainerFactory.Create(ml, task, new TrainerSpec(name, weighted), "Label", "Features"), data);
                var plain = PredictedFavoured(plainScores, task);
                var heavy = PredictedFavoured(heavyScores, task);
                Assert.IsTrue(ScoresDiffer(plainScores, heavyScores, task), $"{name} for {task}: weighting did not change a single score");
                Assert.IsTrue(heavy >= plain, $"{name} for {task}: class 1 predicted {heavy} times with weighting, {plain} without");
            }
        }

        Assert.ThrowsExactly<ArgumentException>(() =>
            TrainerFactory.Create(ml, TaskKind.Binary, new TrainerSpec(TrainerNames.AveragedPerceptron, weighted), "Label", "Features"));
        var svm = Assert.ThrowsExactly<ArgumentException>(() =>
            TrainerFactory.Create(ml, TaskKind.Binary, new TrainerSpec(TrainerNames.LinearSvm, weighted), "Label", "Features"));
        StringAssert.Contains(svm.Message, TrainerNames.LinearSvm);
        Assert.ThrowsExactly<ArgumentException>(() =>
            TrainerFactory.Create(ml, TaskKind.Regression, new TrainerSpec(TrainerNames.LightGbm, weighted), "Label", "Features"));
    }

    [TestMethod]
    public void Linear_svm_ignores_the_weight_column_so_class_weighting_is_refused_and_left_out_of_searches()
    {
        // Why LinearSvm is refused: ML.NET's trainer fits identical scores whatever the rows weigh.
        var ml = new MLContext(1);
        var data = TinyData(ml, rows: 200, favoured: 25f, noise: 1.5f);
        var svm = ml.BinaryClassification.Trainers.LinearSvm(new Microsoft.ML.Trainers.LinearSvmTrainer.Options { LabelColumnName = "Label", FeatureColumnName = "Features" });
        var svmWeighted = ml.BinaryClassification.Trainers.LinearSvm(new Microsoft.ML.Trainers.LinearSvmTrainer.Options
        {
            LabelColumnName = "Label", FeatureColumnName = "Features", ExampleWeightColumnName = ModelColumns.ClassWeight,
        });
        Assert.IsFalse(ScoresDiffer(Fit(ml, TaskKind.Binary, svm, data), Fit(ml, TaskKind.Binary, svmWeighted, data), TaskKind.Binary));

        Assert.IsFalse(TrainerFactory.TakesClassWeights(TrainerNames.LinearSvm));
        var space = SearchSpaceCatalog.For(TaskKind.Binary, 200, [], new FeaturizerOptions(), startWithClassWeights: true);
        var svmSpace = space.Trainers.Single(t => t.TrainerName == TrainerNames.LinearSvm);
        Assert.IsFalse(svmSpace.Hyperparameters.Any(h => h.Name == TrainerFactory.ClassWeightingParameter));
        Assert.IsTrue(space.Trainers.Single(t => t.TrainerName == TrainerNames.LbfgsLogisticRegression).Hyperparameters.Any(h => h.Name == TrainerFactory.ClassWeightingParameter));
    }

    /// <summary>Four features; the class is 1 when the first feature (plus noise) is positive, 0 otherwise, and a third
    /// class 2 in multiclass when the second is; the regression target is linear in the first two.</summary>
    private static IDataView TinyData(MLContext ml, int rows, float favoured, float noise = 0f)
    {
        var random = new Random(5);
        var items = Enumerable.Range(0, rows).Select(_ =>
        {
            var f = Enumerable.Range(0, 4).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
            var signal = f[0] + noise * (float)(random.NextDouble() * 2 - 1);
            var cls = f[1] > 0.6f ? 2 : signal > 0 ? 1 : 0;
            return new TinyRow
            {
                Features = f,
                IsPositive = signal > 0,
                Class = cls.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Value = 5f + (3f * f[0]) + f[1] + (0.1f * (float)random.NextDouble()),
                Weight = (signal > 0) ? favoured : 1f,
            };
        }).ToList();
        return ml.Data.LoadFromEnumerable(items);
    }

    private static IDataView Fit(MLContext ml, TaskKind task, IEstimator<ITransformer> trainer, IDataView data)
    {
        IEstimator<ITransformer> labelled = task switch
        {
            TaskKind.Binary => ml.Transforms.CopyColumns("Label", nameof(TinyRow.IsPositive)),
            TaskKind.Multiclass => ml.Transforms.Conversion.MapValueToKey("Label", nameof(TinyRow.Class)),
            _ => ml.Transforms.CopyColumns("Label", nameof(TinyRow.Value)),
        };
        var pipeline = labelled.Append(ml.Transforms.CopyColumns(ModelColumns.ClassWeight, nameof(TinyRow.Weight))).Append(trainer);
        return pipeline.Fit(data).Transform(data);
    }

    private static double Agreement(IDataView scored, TaskKind task)
    {
        if (task == TaskKind.Binary)
        {
            var truth = scored.GetColumn<bool>("Label").ToArray();
            var predicted = scored.GetColumn<bool>(ModelColumns.PredictedLabel).ToArray();
            return truth.Zip(predicted).Count(p => p.First == p.Second) / (double)truth.Length;
        }

        var keys = scored.GetColumn<uint>("Label").ToArray();
        var predictedKeys = scored.GetColumn<uint>(ModelColumns.PredictedLabel).ToArray();
        return keys.Zip(predictedKeys).Count(p => p.First == p.Second) / (double)keys.Length;
    }

    private static bool ScoresDiffer(IDataView a, IDataView b, TaskKind task)
    {
        if (task == TaskKind.Binary)
        {
            return a.GetColumn<float>(ModelColumns.Score).Zip(b.GetColumn<float>(ModelColumns.Score)).Any(p => Math.Abs(p.First - p.Second) > 1e-4f);
        }

        return a.GetColumn<VBuffer<float>>(ModelColumns.Score).Zip(b.GetColumn<VBuffer<float>>(ModelColumns.Score))
            .Any(p => p.First.DenseValues().Zip(p.Second.DenseValues()).Any(v => Math.Abs(v.First - v.Second) > 1e-4f));
    }

    private static int PredictedFavoured(IDataView scored, TaskKind task)
    {
        if (task == TaskKind.Binary)
        {
            return scored.GetColumn<bool>(ModelColumns.PredictedLabel).Count(p => p);
        }

        // Keys follow the order classes are first met; find the key of class "1" from a row that has it.
        var classes = scored.GetColumn<string>(nameof(TinyRow.Class)).ToArray();
        var keys = scored.GetColumn<uint>("Label").ToArray();
        var favouredKey = keys[Array.IndexOf(classes, "1")];
        return scored.GetColumn<uint>(ModelColumns.PredictedLabel).Count(k => k == favouredKey);
    }

    [TestMethod]
    public void Balanced_weights_make_every_class_weigh_the_same()
    {
        var weights = ClassWeights.Balanced(["a", "a", "a", "b"], ["a", "b", "c"]);
        Assert.AreEqual(4f / (3 * 3), weights[0], 1e-6f);
        Assert.AreEqual(4f / 3, weights[1], 1e-6f);
        Assert.AreEqual(1f, weights[2], "a class without rows keeps weight 1");
    }

    [TestMethod]
    public void Tree_trainers_drop_slots_too_rare_to_split_on_and_score_exactly_as_with_them()
    {
        // 4 informative dense slots and 600 sparse slots that are each non-zero in 5 rows, fewer than any leaf minimum
        // below: the trees cannot split on them, so dropping them first must leave every score unchanged.
        var ml = new MLContext(1);
        const int dense = 4, rare = 600, rows = 300;
        var random = new Random(3);
        var rowsOfSlot = Enumerable.Range(0, rare).Select(_ => Enumerable.Range(0, rows).OrderBy(_ => random.Next()).Take(5).ToHashSet()).ToArray();
        var items = Enumerable.Range(0, rows).Select(r =>
        {
            var values = Enumerable.Range(0, dense).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToList();
            float signal = values[0] + (0.3f * values[1]);
            var indices = Enumerable.Range(0, dense).ToList();
            foreach (int slot in Enumerable.Range(0, rare).Where(k => rowsOfSlot[k].Contains(r)))
            {
                indices.Add(dense + slot);
                values.Add(1f);
            }

            return new SparseRow { Features = new VBuffer<float>(dense + rare, values.Count, [.. values], [.. indices]), Label = signal > 0 };
        }).ToList();
        var schema = Microsoft.ML.Data.SchemaDefinition.Create(typeof(SparseRow));
        schema[nameof(SparseRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dense + rare);
        var data = ml.Data.LoadFromEnumerable(items, schema);
        var rareCounts = new int[rare];
        foreach (var row in items)
        {
            foreach (int index in row.Features.GetIndices())
            {
                if (index >= dense)
                {
                    rareCounts[index - dense]++;
                }
            }
        }

        Assert.IsTrue(rareCounts.All(c => c == 5), "every sparse slot is non-zero in 5 rows, below the leaf minimums");
        var cases = new (TrainerSpec Spec, IEstimator<ITransformer> Plain)[]
        {
            (new TrainerSpec(TrainerNames.FastTree), ml.BinaryClassification.Trainers.FastTree(new Microsoft.ML.Trainers.FastTree.FastTreeBinaryTrainer.Options())),
            (new TrainerSpec(TrainerNames.FastForest), ml.BinaryClassification.Trainers.FastForest(new Microsoft.ML.Trainers.FastTree.FastForestBinaryTrainer.Options())),
            (new TrainerSpec(TrainerNames.LightGbm, new Dictionary<string, double> { ["MinimumExampleCountPerLeaf"] = 20, ["NumberOfIterations"] = 20 }),
                ml.BinaryClassification.Trainers.LightGbm(new Microsoft.ML.Trainers.LightGbm.LightGbmBinaryTrainer.Options { MinimumExampleCountPerLeaf = 20, NumberOfIterations = 20 })),
        };
        foreach (var (spec, plain) in cases)
        {
            var cut = TrainerFactory.Create(ml, TaskKind.Binary, spec, "Label", "Features").Fit(data);
            var cutScores = cut.Transform(data).GetColumn<float>(ModelColumns.Score).ToArray();
            var plainScores = plain.Fit(data).Transform(data).GetColumn<float>(ModelColumns.Score).ToArray();
            for (int r = 0; r < rows; r++)
            {
                Assert.AreEqual(plainScores[r], cutScores[r], 1e-5f, $"{spec.Name}, row {r}");
            }

            var output = cut.GetOutputSchema(data.Schema);
            Assert.AreEqual(dense, ((VectorDataViewType)output[TrainerFactory.TreeFeatures].Type).Size, $"{spec.Name} reads only the {dense} slots a leaf can split on");
            Assert.AreEqual(dense + rare, ((VectorDataViewType)output["Features"].Type).Size, "the feature column itself stays whole for other heads");
        }

        Assert.IsNull(TrainerFactory.MinimumRowsPerLeaf(new TrainerSpec(TrainerNames.LbfgsLogisticRegression)), "linear trainers read every slot");
        Assert.IsNull(TrainerFactory.MinimumRowsPerLeaf(new TrainerSpec(TrainerNames.LightGbm)), "LightGBM without a leaf minimum picks one from the data, so nothing is dropped");
    }

    private sealed class SparseRow
    {
        public VBuffer<float> Features { get; set; }

        public bool Label { get; set; }
    }
}
