namespace CrossModalML.Featurization;

/// <summary>How many threads ONNX Runtime uses inside one network evaluation (its intra-op threads) in this process: the
/// ResNet18, MiniLM and ArcticXs encoders and user ONNX image models.</summary>
/// <remarks>
/// <para>By default every core. Several processes on one machine (e.g. cluster workers, <c>WorkerOptions.OnnxThreads</c>)
/// each using every core contend for them; capping each at its share of the cores avoids that. The outputs do not depend
/// on the setting.</para>
/// <para>The pretrained encoders open their session once per process, at first use, so set this before the first
/// encoding; later changes reach only sessions opened afterwards (a user ONNX model's, which opens one per fit).
/// Thread-safe.</para>
/// </remarks>
public static class EncoderThreads
{
    private static int _intraOpThreads;

    /// <summary>The intra-op threads of each session, or 0 (default) for every core of the machine.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public static int IntraOpThreads
    {
        get => Volatile.Read(ref _intraOpThreads);
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, "EncoderThreads.IntraOpThreads");
            Volatile.Write(ref _intraOpThreads, value);
        }
    }

    /// <summary>The threads a session opened now uses.</summary>
    internal static int Effective => IntraOpThreads > 0 ? IntraOpThreads : Environment.ProcessorCount;
}
