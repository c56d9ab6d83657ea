namespace CrossModalML.Demo;

/// <summary>How a demo image is drawn: one style per sentiment, and one that says nothing about sentiment.</summary>
internal enum DemoImageStyle
{
    Positive = 0,
    Negative,
    Neutral,
    Uninformative,
}
