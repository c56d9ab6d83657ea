namespace CrossModalML.Data;

/// <summary>The role a column got and why.</summary>
/// <param name="Column">The column's name as in the file's header.</param>
/// <param name="Role">The role it plays.</param>
/// <param name="Source">Whether the role came from the options, an override, the name, the values or a known schema.</param>
/// <param name="Reason">A sentence a user can read, for example "all 2500 values are numbers".</param>
public sealed record RoleDecision(string Column, ColumnRole Role, RoleSource Source, string Reason);
