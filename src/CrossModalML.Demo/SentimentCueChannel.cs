namespace CrossModalML.Demo;

/// <summary>Which modality of a demo post carries the evidence for its sentiment label.</summary>
public enum SentimentCueChannel
{
    /// <summary>The text holds sentiment words and emoticons; the image is drawn in a style that says nothing about sentiment.</summary>
    Text = 0,

    /// <summary>The image's palette and shapes express the sentiment; the text only names the topic.</summary>
    Image,

    /// <summary>Both the text and the image express the sentiment.</summary>
    Both,
}
