using CrossModalML.Execution;

namespace CrossModalML.Featurization.Encoders;

/// <summary>Encodes a shard with the network: one vector per input, in order. It neither reads nor writes the disk
/// cache; the caller does, so a shard re-run on another worker changes nothing.</summary>
/// <param name="encoded">Called after each shard this process encodes (not for shards a cluster's workers encode), to count progress.</param>
internal sealed class EncodingShardJob(Action<EncodingShard>? encoded = null) : WorkJob<EncodingShard, float[][]>
{
    public static EncodingShardJob Instance { get; } = new();

    public override string Name => "crossmodal.encode";

    public override float[][] Run(EncodingShard item, CancellationToken cancellationToken)
    {
        var encoder = PretrainedEncoders.Find(item.Encoder)
            ?? throw new ArgumentException($"No pretrained encoder is named '{item.Encoder}'; known: {string.Join(", ", PretrainedEncoders.Names)}.", nameof(item));
        cancellationToken.ThrowIfCancellationRequested();
        var vectors = encoder.Encode(item.LocalInputs(encoder));
        encoded?.Invoke(item);
        return vectors;
    }
}
