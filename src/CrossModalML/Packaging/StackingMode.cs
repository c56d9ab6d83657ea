namespace CrossModalML.Packaging;

/// <summary>Whether the main task's head also reads the auxiliary tasks' predictions (stacking).</summary>
public enum StackingMode
{
    /// <summary>Stack only when it scores better on validation rows than the plain head (the default).</summary>
    Auto = 0,

    /// <summary>Never stack: no head reads another task's predictions.</summary>
    Off,

    /// <summary>Always stack when there are auxiliary tasks.</summary>
    On,
}
