using System.Security.Cryptography;
using System.Text;

namespace CrossModalML.Featurization.Encoders;

/// <summary>A pretrained network that turns one input (a text, or an image path) into a fixed-width vector.</summary>
/// <remarks>Implementations are thread-safe and shared by the whole process.</remarks>
internal abstract class PretrainedEncoder
{
    private readonly Lazy<string> _identity;

    protected PretrainedEncoder() => _identity = new Lazy<string>(
        () => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{Name}|{NetworkSha256}|{Settings}")))[..16]);

    public abstract string Name { get; }

    public abstract int Dimensions { get; }

    /// <summary>The settings that change the output, part of the cache key and the manifest.</summary>
    public abstract string Settings { get; }

    /// <summary>SHA-256 of the network (for ResNet18, of the preprocessing and the network together).</summary>
    public abstract string NetworkSha256 { get; }

    /// <summary>A short hash of name, network and settings: the cache folder of this encoder.</summary>
    public string Identity => _identity.Value;

    public PretrainedEncoderInfo Info => new(Name, NetworkSha256, Dimensions, Settings);

    /// <summary>Whether inputs are file paths (images) rather than texts: a worker reads paths through its blob stores.</summary>
    public virtual bool InputsAreFiles => false;

    /// <summary>The content hash of an input (for a text, of the text; for an image, of the file's bytes), or <c>null</c>
    /// when the input has no content to encode (a missing or undecodable image): its encoding is <see cref="Empty"/>.</summary>
    public abstract string? ContentKey(string input);

    /// <summary>The encoding of an input without content.</summary>
    public abstract float[] Empty();

    /// <summary>Encodes inputs that all have content, using every core; returns one vector per input, in order.</summary>
    public abstract float[][] Encode(IReadOnlyList<string> inputs);

    protected static string HashText(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
