namespace CrossModalML.AutoML;

/// <summary>A saved search's trials scored on labelled test posts, as AutoGluon's <c>leaderboard(test_data)</c>: each
/// trial refit on the training posts and measured on the test posts, beside its validation score from the search.</summary>
/// <remarks>Immutable. Made by <see cref="CrossModalCatalog.Leaderboard"/>.</remarks>
public sealed record TestLeaderboard
{
    /// <summary>The search metric, which <see cref="TestLeaderboardEntry.ValidationScore"/> and <see cref="TestLeaderboardEntry.TestScore"/> measure.</summary>
    public required Evaluation.AutoMLMetric Metric { get; init; }

    /// <summary>Every recorded trial (and the saved ensemble, when the model is one), best test score first; rows without a
    /// test score last, in trial order.</summary>
    public required IReadOnlyList<TestLeaderboardEntry> Entries { get; init; }

    /// <summary>The training posts the trials were refit on.</summary>
    public required int TrainingRows { get; init; }

    /// <summary>The test posts every row was scored on.</summary>
    public required int TestRows { get; init; }

    /// <summary>Whether the training posts are the model's own training data (same fingerprint as the manifest's
    /// <c>Data.Fingerprint</c>), so that each refit repeats the fit the search's winner had.</summary>
    public required bool TrainingDataMatches { get; init; }

    /// <summary>What qualifies the figures: other training data than the model's, test posts the model trained on, or a
    /// model saved before every trial was recorded.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
