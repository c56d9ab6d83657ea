namespace CrossModalML.AutoML;

/// <summary>Which tuner proposes trials.</summary>
public enum TunerKind
{
    /// <summary>Cost-frugal local search with cost-aware trainer choice (<see cref="CfoTuner"/>).</summary>
    Cfo = 0,

    /// <summary>Uniform random search (<see cref="RandomTuner"/>), a baseline.</summary>
    Random,
}
