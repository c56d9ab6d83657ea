namespace CrossModalML.Demo;

/// <summary>What the generator knows about one demo post beyond what the data file shows.</summary>
/// <param name="Id">The post's identifier as written to the <c>id</c> column.</param>
/// <param name="UserId">The author's identifier.</param>
/// <param name="Day">Days since the data set's start date (0 for the first day).</param>
/// <param name="Topic">The topic written to the <c>topic</c> column.</param>
/// <param name="CleanSentiment">The sentiment the post's cues express, before label noise.</param>
/// <param name="Sentiment">The sentiment written to the <c>sentiment</c> column; differs from <paramref name="CleanSentiment"/> when <paramref name="LabelFlipped"/>.</param>
/// <param name="LabelFlipped">True when label noise replaced the clean sentiment with another one.</param>
/// <param name="CueChannel">Which modality carries the sentiment cue.</param>
/// <param name="HasImage">False when the post's <c>image</c> cell is empty.</param>
/// <param name="ImageBrightness">Mean luma of the image in [0, 1]; 0 when the post has no image.</param>
/// <param name="ImageColourfulness">Mean per-pixel chroma (max channel minus min channel) in [0, 1]; 0 when the post has no image.</param>
/// <param name="HasBurstHashtag">True when the text contains the trend-burst hashtag.</param>
public sealed record DemoPostTruth(
    string Id,
    string UserId,
    int Day,
    string Topic,
    string CleanSentiment,
    string Sentiment,
    bool LabelFlipped,
    SentimentCueChannel CueChannel,
    bool HasImage,
    double ImageBrightness,
    double ImageColourfulness,
    bool HasBurstHashtag);
