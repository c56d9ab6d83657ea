using System.Reflection;
using CrossModalML.Analysis.Reporting;
using CrossModalML.Demo;
using CrossModalML.Tests.Architecture.Samples.Low;

namespace CrossModalML.Tests.Architecture;

/// <summary>The layers of docs/architecture.md, checked on the compiled assemblies.</summary>
[TestClass]
public sealed class LayerDependencyTests
{
    private static readonly string[] Base = ["IO", "Privacy", "Execution"];

    /// <summary>The core's rooms, bottom to top, and what each may use. Keep in step with docs/architecture.md.</summary>
    internal static readonly LayerRules Core = new("CrossModalML", new Dictionary<string, string[]>
    {
        ["IO"] = [],
        ["Privacy"] = ["IO"],
        ["Execution"] = [],
        ["Data"] = [.. Base],
        ["Featurization"] = [.. Base, "Data"],
        ["Evaluation"] = [.. Base, "Data", "Featurization"],
        ["Packaging"] = [.. Base, "Data", "Featurization", "Evaluation"],
        ["Training"] = [.. Base, "Data", "Featurization", "Evaluation", "Packaging"],
        ["AutoML"] = [.. Base, "Data", "Featurization", "Evaluation", "Packaging", "Training"],
        ["Prediction"] = [.. Base, "Data", "Featurization", "Evaluation", "Packaging"],
        ["MultiTask"] = [.. Base, "Data", "Featurization", "Evaluation", "Packaging", "Training", "AutoML", "Prediction"],
        ["Retraining"] = [.. Base, "Data", "Featurization", "Evaluation", "Packaging", "Training", "AutoML", "Prediction", "MultiTask"],
        ["Analysis"] = ["*"],
        ["Demo"] = ["IO"],
        ["Cli"] = ["*"],
    });

    /// <summary>Root-namespace types every room may use: they are not part of the front door.</summary>
    private static readonly string[] RootBasics = [typeof(ToolkitInfo).FullName!, typeof(CrossModalRegistration).FullName!];

    [TestMethod]
    public void Core_rooms_depend_only_on_the_rooms_below_them()
    {
        var core = typeof(ToolkitInfo).Assembly;
        var violations = CoreRules().Violations(core, FrontDoorTypes(core));
        Assert.AreEqual(0, violations.Count, "Upward dependencies:\n" + string.Join("\n", violations));
    }

    [TestMethod]
    public void The_analysis_package_and_the_demo_generator_stay_apart()
    {
        var analysis = typeof(Chart).Assembly;
        var demo = typeof(DemoDataGenerator).Assembly;
        var rules = new LayerRules("CrossModalML", new Dictionary<string, string[]> { ["Demo"] = ["IO"], ["Analysis"] = [], ["Cli"] = [] });
        var violations = rules.Violations(demo).Concat(rules.Violations(analysis).Where(v => v.Contains("(Analysis)", StringComparison.Ordinal))).ToList();
        Assert.AreEqual(0, violations.Count, string.Join("\n", violations));
        Assert.IsFalse(demo.GetReferencedAssemblies().Any(a => a.Name == analysis.GetName().Name), "The demo generator must not reference the analysis package.");
    }

    [TestMethod]
    public void The_core_package_does_not_reference_the_chart_or_numerics_libraries()
    {
        var references = typeof(ToolkitInfo).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        foreach (var heavy in new[] { "ScottPlot", "MathNet.Numerics", "CrossModalML.Analysis", "CrossModalML.Demo" })
        {
            CollectionAssert.DoesNotContain(references, heavy, $"CrossModalML.dll references {heavy}; it belongs in CrossModalML.Analysis.");
        }
    }

    [TestMethod]
    public void The_core_package_runs_without_orleans()
    {
        var references = typeof(ToolkitInfo).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        var distributed = references.Where(name => name.StartsWith("Orleans", StringComparison.Ordinal) || name == "CrossModalML.Cluster").ToList();
        Assert.IsEmpty(distributed, "CrossModalML.dll references " + string.Join(", ", distributed) + "; cluster code belongs in CrossModalML.Cluster.");
    }

    [TestMethod]
    public void The_rule_catches_an_upward_dependency()
    {
        // Samples.Low.Lower uses Samples.High.Higher: the same check, run over this test assembly's sample rooms, must name it.
        var rules = new LayerRules("CrossModalML.Tests.Architecture.Samples", new Dictionary<string, string[]> { ["Low"] = [], ["High"] = ["Low"] });
        var violations = rules.Violations(typeof(Lower).Assembly);
        Assert.AreEqual(1, violations.Count, string.Join("\n", violations));
        StringAssert.StartsWith(violations[0], typeof(Lower).FullName + " (Low)");
    }

    private static LayerRules CoreRules() =>
        new(Core.Root, Core.Allowed.Where(r => r.Value is not ["*"]).ToDictionary(r => r.Key, r => r.Value));

    private static List<string> FrontDoorTypes(Assembly core) =>
        core.GetTypes()
            .Where(t => t.Namespace == "CrossModalML" && !t.IsNested && !t.Name.StartsWith('<') && !RootBasics.Contains(t.FullName))
            .Select(t => t.FullName!)
            .ToList();
}
