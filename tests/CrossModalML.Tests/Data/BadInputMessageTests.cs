using CrossModalML.AutoML;
using CrossModalML.Data;
using CrossModalML.Packaging;
using CrossModalML.Training;
using CrossModalML.Evaluation;

namespace CrossModalML.Tests.Data;

[TestClass]
public sealed class BadInputMessageTests
{
    [TestMethod]
    public void A_folder_given_as_the_data_set_or_the_model_is_called_a_folder()
    {
        using var dir = new TempDirectory();
        var folder = Directory.CreateDirectory(System.IO.Path.Combine(dir.Path, "posts.tsv")).FullName;

        var data = Assert.ThrowsExactly<PostDataException>(() => PostDatasetLoader.Load(folder, new PostLoadOptions { LabelColumn = "label" }));
        StringAssert.Contains(data.Message, "is a folder, not a post file");
        var chunks = Assert.ThrowsExactly<PostDataException>(() => PostFileReader.ReadChunks(folder, PostFileFormat.Auto, null, 10));
        StringAssert.Contains(chunks.Message, "is a folder");
        var model = Assert.ThrowsExactly<ModelPackageException>(() => ModelPackage.ReadManifest(folder));
        StringAssert.Contains(model.Message, "is a folder, not a model file");
    }

    [TestMethod]
    public void A_binary_file_is_reported_as_not_text_with_its_line()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("posts.tsv", "id\ttext\tlabel\n1\thello\ta\n2\tbin\0ary\tb\n");

        var whole = Assert.ThrowsExactly<PostDataException>(() => PostFileReader.Read(path, PostFileFormat.Auto, null));
        StringAssert.Contains(whole.Message, "is not a text file");
        StringAssert.Contains(whole.Message, "line 3");
        var streamed = Assert.ThrowsExactly<PostDataException>(() => PostFileReader.ReadChunks(path, PostFileFormat.Auto, null, 10).ToList());
        StringAssert.Contains(streamed.Message, "line 3 holds a NUL byte");
    }

    [TestMethod]
    public void Comma_data_in_a_tsv_names_the_comma_as_the_likely_separator()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("posts.tsv", "id,text,label\n1,hello,a\n2,bye,b\n");

        var error = Assert.ThrowsExactly<PostDataException>(() => PostFileReader.Read(path, PostFileFormat.Auto, null));

        StringAssert.Contains(error.Message, "read as one column 'id,text,label'");
        StringAssert.Contains(error.Message, "probably ','-separated");
        StringAssert.Contains(error.Message, "Rename it to .csv");
        var streamed = Assert.ThrowsExactly<PostDataException>(() => PostFileReader.ReadChunks(path, PostFileFormat.Auto, null, 10).ToList());
        StringAssert.Contains(streamed.Message, "probably ','-separated");
    }

    [TestMethod]
    public void An_unclosed_quote_is_reported_at_the_line_where_it_opened()
    {
        using var dir = new TempDirectory();
        // Line 3 opens a quote it never closes; the next quote is the opening quote of line 5's value.
        var path = dir.Write("posts.csv", "id,text,label\n1,fine,a\n2,\"unclosed,b\n3,plain,a\n4,\"quoted\",b\n");

        var error = Assert.ThrowsExactly<PostDataException>(() => PostFileReader.Read(path, PostFileFormat.Auto, null));

        StringAssert.StartsWith(error.Message, $"'{path}' line 3:");
        StringAssert.Contains(error.Message, "opened on this line is not closed");
        StringAssert.Contains(error.Message, "the next quote is on line 5");
    }

    [TestMethod]
    public void A_hold_out_without_test_rows_is_an_error_not_metrics_of_nothing()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("tiny.tsv", "id\ttext\tlabel\n1\tgreat day\tpos\n2\tawful day\tneg\n3\tsome day\tneu\n");
        var data = PostDatasetLoader.Load(path, new PostLoadOptions { LabelColumn = "label" });
        var evaluation = new EvaluationOptions { Strategy = EvaluationStrategy.HoldOut };

        var error = Assert.ThrowsExactly<PostDataException>(() => evaluation.CreateSplits(data, seed: 1));

        StringAssert.Contains(error.Message, "leaves no test rows from 3 rows");
        StringAssert.Contains(error.Message, "EvaluationOptions.Strategy = CrossValidation");
        var training = Assert.ThrowsExactly<PostDataException>(() => new CrossModalTrainer(new Microsoft.ML.MLContext(1)).Train(data, new TrainingOptions { Evaluation = evaluation }));
        StringAssert.Contains(training.Message, "no test rows");
    }

    [TestMethod]
    public void Option_errors_name_the_property_path_and_the_value()
    {
        var folds = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new TrainingOptions { Evaluation = { Folds = 1 } }.Validate());
        StringAssert.Contains(folds.Message, "TrainingOptions.Evaluation.Folds must be at least 2");
        StringAssert.Contains(folds.Message, "got 1");
        var fraction = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new EvaluationOptions { TestFraction = 1.5 }.Validate());
        StringAssert.Contains(fraction.Message, "EvaluationOptions.TestFraction must be between 0 and 1");
        var stacking = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new TrainingOptions { StackingFolds = 0 }.Validate());
        StringAssert.Contains(stacking.Message, "TrainingOptions.StackingFolds");
        var budget = Assert.ThrowsExactly<ArgumentException>(() => new AutoMLExperimentOptions().Validate());
        StringAssert.Contains(budget.Message, "AutoMLExperimentOptions.Budget.Time");
        Assert.IsFalse(budget.Message.Contains("--", StringComparison.Ordinal), "a C# caller has no flags");
        var time = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new AutoMLExperimentOptions { Budget = new() { Time = TimeSpan.FromSeconds(-5) } }.Validate());
        StringAssert.Contains(time.Message, "AutoMLExperimentOptions.Budget.Time must be positive");
        var evaluation = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new AutoMLExperimentOptions { Budget = new() { MaxTrials = 3 }, Evaluation = { Folds = 1 } }.Validate());
        StringAssert.Contains(evaluation.Message, "AutoMLExperimentOptions.Evaluation.Folds");
    }
}
