using CrossModalML.Data;
using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;
using CrossModalML.Packaging;

namespace CrossModalML.Prediction;

/// <summary>Creates scoring engines for one loaded model; every returned engine is fit for reuse.</summary>
internal sealed class ScoringEnginePolicy(ITransformer model, DataViewSchema inputSchema, TaskKind task, IReadOnlyList<TaskResult>? tasks, bool readDecision = false)
    : IPooledObjectPolicy<ScoringEngine>
{
    public ScoringEngine Create() => new(model, inputSchema, task, tasks, readDecision);

    // Each call overwrites every input value before scoring, so an engine needs no reset.
    public bool Return(ScoringEngine obj) => true;
}
