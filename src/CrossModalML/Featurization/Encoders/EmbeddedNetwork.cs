using System.Reflection;
using System.Security.Cryptography;
using Microsoft.ML.OnnxRuntime;

namespace CrossModalML.Featurization.Encoders;

/// <summary>An ONNX network shipped as a resource of an assembly: its bytes, their hash and one shared session.</summary>
/// <remarks>The session is opened on first use and lives for the process; ONNX Runtime's <c>Run</c> is thread-safe, so
/// every fit and every loaded model shares it.</remarks>
internal sealed class EmbeddedNetwork
{
    private readonly Assembly _assembly;
    private readonly string _resourceName;
    private readonly Lazy<byte[]> _bytes;
    private readonly Lazy<string> _sha256;
    private readonly Lazy<InferenceSession> _session;

    public EmbeddedNetwork(Assembly assembly, string resourceName)
    {
        _assembly = assembly;
        _resourceName = resourceName;
        _bytes = new Lazy<byte[]>(Read, LazyThreadSafetyMode.ExecutionAndPublication);
        _sha256 = new Lazy<string>(() => Convert.ToHexStringLower(SHA256.HashData(_bytes.Value)), LazyThreadSafetyMode.ExecutionAndPublication);
        _session = new Lazy<InferenceSession>(Open, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Lower-case hex SHA-256 of the network's bytes.</summary>
    public string Sha256 => _sha256.Value;

    public InferenceSession Session => _session.Value;

    /// <summary>Opens a session of its own, for callers that want other threading settings.</summary>
    public InferenceSession OpenSession(SessionOptions options) => new(_bytes.Value, options);

    private byte[] Read()
    {
        using var stream = _assembly.GetManifestResourceStream(_resourceName)
            ?? throw new InvalidOperationException($"The network '{_resourceName}' is missing from {_assembly.GetName().Name}; reinstall the package.");
        using var memory = new MemoryStream(checked((int)stream.Length));
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    private InferenceSession Open()
    {
        using var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            IntraOpNumThreads = EncoderThreads.Effective,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        };
        return new InferenceSession(_bytes.Value, options);
    }
}
