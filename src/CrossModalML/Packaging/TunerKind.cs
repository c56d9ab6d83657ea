namespace CrossModalML.Packaging;

/// <summary>Which tuner proposes trials.</summary>
public enum TunerKind
{
    /// <summary>Cost-frugal local search with cost-aware trainer choice (<c>CfoTuner</c>).</summary>
    Cfo = 0,

    /// <summary>Uniform random search (<c>RandomTuner</c>), a baseline.</summary>
    Random,
}
