namespace CrossModalML.Data;

/// <summary>Why a column got its role.</summary>
public enum RoleSource
{
    /// <summary>The column is the one named by <see cref="PostLoadOptions.LabelColumn"/>.</summary>
    LabelOption = 0,

    /// <summary>The user set the role in <see cref="PostLoadOptions.RoleOverrides"/>.</summary>
    Override,

    /// <summary>Inferred from the column's name.</summary>
    Name,

    /// <summary>Inferred from the column's values.</summary>
    Values,

    /// <summary>Taken from a known schema, for example the one saved with a model.</summary>
    Schema,
}
