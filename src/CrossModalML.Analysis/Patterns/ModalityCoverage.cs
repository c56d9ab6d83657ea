namespace CrossModalML.Analysis.Patterns;

/// <summary>Which modalities a group of posts has.</summary>
/// <param name="Posts">Posts in the group.</param>
/// <param name="WithText">Posts with non-empty text.</param>
/// <param name="WithImage">Posts with a usable image.</param>
/// <param name="WithBoth">Posts with both.</param>
public sealed record ModalityCoverage(int Posts, int WithText, int WithImage, int WithBoth)
{
    /// <summary>Share of posts with text.</summary>
    public double TextShare => Share(WithText);

    /// <summary>Share of posts with an image.</summary>
    public double ImageShare => Share(WithImage);

    /// <summary>Share of posts that lack text or an image.</summary>
    public double MissingShare => Share(Posts - WithBoth);

    private double Share(int count) => Posts == 0 ? 0 : count / (double)Posts;
}
