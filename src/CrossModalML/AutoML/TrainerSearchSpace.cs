using CrossModalML.Packaging;
namespace CrossModalML.AutoML;

/// <summary>One candidate trainer of a search: its name, its hyperparameter ranges and a relative cost.</summary>
/// <param name="TrainerName">A name from <see cref="TrainerNames"/> (or any name a custom <see cref="ITrialRunner"/> understands).</param>
/// <param name="Hyperparameters">The searched hyperparameters; those not listed keep the trainer's defaults.</param>
/// <param name="RelativeCost">How expensive a fit at the starting point is compared with the other trainers (1 = an
/// L-BFGS linear model). Used only for deterministic cost estimates; see <see cref="SearchSpace.EstimateCost"/>.</param>
internal sealed record TrainerSearchSpace(string TrainerName, IReadOnlyList<HyperparameterRange> Hyperparameters, double RelativeCost = 1);
