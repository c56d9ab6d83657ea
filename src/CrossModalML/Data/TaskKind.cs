namespace CrossModalML.Data;

/// <summary>The kind of prediction a label asks for.</summary>
public enum TaskKind
{
    /// <summary>Infer from the label: two distinct values are binary, a few are multiclass, many numbers are regression.</summary>
    Auto = 0,

    /// <summary>Two classes.</summary>
    Binary,

    /// <summary>Three or more classes.</summary>
    Multiclass,

    /// <summary>A real number.</summary>
    Regression,
}
