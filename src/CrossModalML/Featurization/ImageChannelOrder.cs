namespace CrossModalML.Featurization;

/// <summary>The order of colour planes an ONNX image model expects.</summary>
public enum ImageChannelOrder
{
    /// <summary>Red, green, blue planes (most PyTorch-exported models).</summary>
    Rgb = 0,

    /// <summary>Blue, green, red planes (Caffe-lineage models).</summary>
    Bgr,
}
