using CrossModalML.AutoML;
using CrossModalML.Featurization;

namespace CrossModalML;

/// <summary>One progress report of a <see cref="CrossModalCatalog"/> run, whatever the engine underneath: a training
/// step, a search trial starting or ending, a count of inputs encoded or rows featurized, or a line of text.</summary>
/// <param name="Stage">What is running: <see cref="Load"/>, <see cref="Fit"/>, <see cref="Search"/>, <see cref="MultiTask"/>, <see cref="Retrain"/> or <see cref="Leaderboard"/>.</param>
/// <param name="Step">1-based number of the step or trial; 0 when the report is not a numbered step.</param>
/// <param name="TotalSteps">Number of steps, or the search's trial budget; 0 when unknown (a time-bounded search).</param>
/// <param name="Message">What happens now, e.g. "fold 2 of 5" or "trial 3: LightGbm, macro-F1 0.712".</param>
/// <param name="Trial">The search trial the report is about (running, then finished); <c>null</c> for other reports.</param>
/// <param name="Items">A count of featurization: a pretrained encoder's distinct inputs encoded so far (cache hits
/// included), or rows featurized, out of a total (throttled); <c>null</c> for other reports. <see cref="Step"/> and
/// <see cref="TotalSteps"/> are 0 then.</param>
public sealed record CrossModalProgress(string Stage, int Step, int TotalSteps, string Message, TrialResult? Trial = null, FeaturizationProgress? Items = null)
{
    /// <summary>The <see cref="Stage"/> of reading a posts file (<see cref="CrossModalCatalog.LoadPosts(string, Data.PostLoadOptions, IProgress{CrossModalProgress}?)"/>).</summary>
    public const string Load = "load";

    /// <summary>The <see cref="Stage"/> of one fit (<see cref="CrossModalCatalog.Fit(Data.PostDataset, Training.TrainingOptions?, IProgress{CrossModalProgress}?, CancellationToken)"/>).</summary>
    public const string Fit = "fit";

    /// <summary>The <see cref="Stage"/> of an AutoML search and its refit (<see cref="CrossModalCatalog.Search(Data.PostDataset, SearchBudget, AutoMLExperimentOptions?, IProgress{CrossModalProgress}?, CancellationToken)"/>).</summary>
    public const string Search = "search";

    /// <summary>The <see cref="Stage"/> of a multi-task fit (<see cref="CrossModalCatalog.FitMultiTask"/>).</summary>
    public const string MultiTask = "multi-task";

    /// <summary>The <see cref="Stage"/> of a test-set leaderboard (<see cref="CrossModalCatalog.Leaderboard"/>): one step per trial refit and scored.</summary>
    public const string Leaderboard = "leaderboard";

    /// <summary>The <see cref="Stage"/> of a retraining (<see cref="CrossModalCatalog.Retrain(string, Data.PostDataset, Retraining.RetrainingOptions?, IProgress{CrossModalProgress}?, CancellationToken)"/>).</summary>
    public const string Retrain = "retrain";
}
