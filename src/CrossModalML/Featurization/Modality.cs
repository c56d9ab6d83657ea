namespace CrossModalML.Featurization;

/// <summary>The kinds of information a post carries. Combine with <c>|</c> to train on several.</summary>
[Flags]
public enum Modality
{
    /// <summary>No modality.</summary>
    None = 0,

    /// <summary>Text columns: n-grams, character n-grams and social signals.</summary>
    Text = 1,

    /// <summary>Image columns: built-in colour and texture features, or a pretrained ONNX embedding.</summary>
    Image = 2,

    /// <summary>Numeric, categorical and timestamp columns.</summary>
    Metadata = 4,

    /// <summary>Every modality.</summary>
    All = Text | Image | Metadata,
}
