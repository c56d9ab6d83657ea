namespace CrossModalML.AutoML;

/// <summary>An ensemble's gain over its best trial on rows its weights were not selected on, and that gain's standard
/// error (<see cref="EnsembleSelection.CrossFittedGain"/>).</summary>
/// <param name="Gain">On the search metric's scale, positive when the ensemble is better.</param>
/// <param name="StandardError">The gain's bootstrap standard error over the scored rows.</param>
internal readonly record struct EnsembleGain(double Gain, double StandardError);
