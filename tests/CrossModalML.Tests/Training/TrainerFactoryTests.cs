using CrossModalML.Data;
using CrossModalML.Training;
using Microsoft.ML;

namespace CrossModalML.Tests.Training;

[TestClass]
public sealed class TrainerFactoryTests
{
    [TestMethod]
    public void Every_listed_trainer_builds_for_its_task()
    {
        var ml = new MLContext(1);
        foreach (var task in new[] { TaskKind.Binary, TaskKind.Multiclass, TaskKind.Regression })
        {
            foreach (var name in TrainerFactory.NamesFor(task))
            {
                var estimator = TrainerFactory.Create(ml, task, new TrainerSpec(name), "Label", "Features");
                Assert.IsNotNull(estimator, $"{name} for {task}");
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
        var ml = new MLContext(1);
        var weighted = new Dictionary<string, double> { [TrainerFactory.ClassWeightingParameter] = 1 };
        foreach (var task in new[] { TaskKind.Binary, TaskKind.Multiclass })
        {
            foreach (var name in TrainerFactory.NamesFor(task).Where(n => n != TrainerNames.AveragedPerceptron))
            {
                Assert.IsNotNull(TrainerFactory.Create(ml, task, new TrainerSpec(name, weighted), "Label", "Features"), $"{name} for {task}");
            }
        }

        Assert.ThrowsExactly<ArgumentException>(() =>
            TrainerFactory.Create(ml, TaskKind.Binary, new TrainerSpec(TrainerNames.AveragedPerceptron, weighted), "Label", "Features"));
        Assert.ThrowsExactly<ArgumentException>(() =>
            TrainerFactory.Create(ml, TaskKind.Regression, new TrainerSpec(TrainerNames.LightGbm, weighted), "Label", "Features"));
    }

    [TestMethod]
    public void Balanced_weights_make_every_class_weigh_the_same()
    {
        var weights = ClassWeights.Balanced(["a", "a", "a", "b"], ["a", "b", "c"]);
        Assert.AreEqual(4f / (3 * 3), weights[0], 1e-6f);
        Assert.AreEqual(4f / 3, weights[1], 1e-6f);
        Assert.AreEqual(1f, weights[2], "a class without rows keeps weight 1");
    }
}
