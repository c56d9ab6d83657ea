using CrossModalML.Data;

namespace CrossModalML.Packaging;

/// <summary>Tells whether a score is about to be measured on the rows a model was trained on.</summary>
/// <remarks>
/// <para>The manifest keeps a fingerprint of the training rows (<see cref="DataSummary.Fingerprint"/>), a SHA-256 over the
/// column names and every value. Posts with the same fingerprint are the training rows themselves, in the same order:
/// scores on them measure memory, not quality on new posts. Per-row hashes are not stored, so a file that shares only
/// some rows with the training data (a slice, or the rows reordered) is not recognised.</para>
/// <para>Static and thread-safe; computing a data set's fingerprint reads each of its values once.</para>
/// </remarks>
public static class SeenDataCheck
{
    /// <summary>The warnings for measuring <paramref name="measured"/> on <paramref name="posts"/> with the model of
    /// <paramref name="manifest"/>: one warning when the posts are its training rows, none otherwise.</summary>
    /// <param name="manifest">The model's manifest.</param>
    /// <param name="posts">The posts the score is measured on.</param>
    /// <param name="measured">What is measured, for the message, e.g. "the evaluation" or "the old model's score".</param>
    public static IReadOnlyList<string> Warnings(ModelManifest manifest, PostDataset posts, string measured)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(posts);
        ArgumentException.ThrowIfNullOrWhiteSpace(measured);
        if (!IsTrainingData(manifest, posts))
        {
            return [];
        }

        var source = posts.SourcePath is { } path ? $"'{path}'" : "These posts";
        return
        [
            $"{source} are the {posts.RowCount:N0} rows the model was trained on (same fingerprint as the manifest's Data.Fingerprint): " +
            $"{measured} is measured on seen data and overstates quality on new posts. Measure on a held-out file instead.",
        ];
    }

    /// <summary>Whether <paramref name="posts"/> are exactly the model's training rows (equal fingerprints).</summary>
    /// <param name="manifest">The model's manifest.</param>
    /// <param name="posts">The posts.</param>
    public static bool IsTrainingData(ModelManifest manifest, PostDataset posts)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(posts);
        return posts.RowCount == manifest.Data.RowsUsed
            && string.Equals(posts.Fingerprint, manifest.Data.Fingerprint, StringComparison.OrdinalIgnoreCase);
    }
}
