namespace CrossModalML.Featurization.Encoders;

/// <summary>How a sentence network's last hidden states become one vector, before it is scaled to unit length.</summary>
internal enum SentencePooling
{
    /// <summary>The average over the real tokens ([CLS] and [SEP] included), as sentence-transformers pools MiniLM.</summary>
    Mean,

    /// <summary>The state of the first token, [CLS], as Snowflake's arctic-embed models are trained to be read.</summary>
    Cls,
}
