namespace CrossModalML.Featurization;

/// <summary>Internal pipeline column names. The <c>__cm_</c> prefix keeps them apart from users' columns.</summary>
public static class ColumnNames
{
    /// <summary>Text copied in for the social-signals and scrubbing mappings.</summary>
    public const string TextInput = "__cm_text_in";

    /// <summary>The current text column with personal data replaced by tokens.</summary>
    public const string ScrubbedText = "__cm_text_scrubbed";

    /// <summary>Social signals of the current text column.</summary>
    public const string SocialSignals = "__cm_social";

    /// <summary>Image path copied in for the image mappings.</summary>
    public const string ImagePath = "__cm_image_path";

    /// <summary>Built-in statistics of the current image column.</summary>
    public const string ImageStatistics = "__cm_image_stats";

    /// <summary>1 when the current image is missing or unreadable.</summary>
    public const string ImageMissing = "__cm_image_missing";

    /// <summary>A path ML.NET's image loader can always open: the image's, or a blank placeholder.</summary>
    public const string LoadableImagePath = "__cm_image_loadable";

    /// <summary>Text copied in for the sentence encoder.</summary>
    public const string SentenceText = "__cm_sentence_text";

    /// <summary>The MiniLM sentence encoder's embedding of the current text column.</summary>
    public const string SentenceEmbedding = "__cm_sentence_embedding";

    /// <summary>The ArcticXs sentence encoder's embedding of the current text column.</summary>
    public const string ArcticXsEmbedding = "__cm_arcticxs_embedding";

    /// <summary>The pretrained image encoder's embedding of the current image column.</summary>
    public const string ImageEmbedding = "__cm_image_embedding";

    /// <summary>Timestamp text copied in for the time mapping.</summary>
    public const string TimeInput = "__cm_time_in";

    /// <summary>Time features of the current timestamp column.</summary>
    public const string TimeFeatures = "__cm_time";
}
