using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using CrossModalML.Data;
using Microsoft.ML.Data;

namespace CrossModalML.Prediction;

/// <summary>How the public properties (or fields) of a user's post class feed a model's columns, built once per type and model.</summary>
/// <remarks>Immutable and thread-safe. A member matches a column by <see cref="ColumnNameAttribute"/> if it has one,
/// otherwise by name, ignoring case (an exact-case match wins).</remarks>
internal sealed class TypedPostMap
{
    private static readonly Type[] NumberTypes = [typeof(float), typeof(double), typeof(int), typeof(long), typeof(short), typeof(byte), typeof(decimal)];

    private readonly (ScoringColumn Column, Func<object, object?>? Read)[] _members;

    private TypedPostMap((ScoringColumn, Func<object, object?>?)[] members) => _members = members;

    /// <exception cref="ArgumentException">A column the model needs has no member, or a member has a type the column's role cannot take.</exception>
    public static TypedPostMap Build(Type type, IReadOnlyList<ScoringColumn> columns)
    {
        var members = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .Cast<MemberInfo>()
            .Concat(type.GetFields(BindingFlags.Public | BindingFlags.Instance))
            .ToList();
        var map = new (ScoringColumn, Func<object, object?>?)[columns.Count];
        for (int i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            var member = Find(type, members, column.Name);
            if (member is null)
            {
                // User and id columns are never featurized, so a type may leave them out.
                if (column.Role is ColumnRole.User or ColumnRole.Id)
                {
                    map[i] = (column, null);
                    continue;
                }

                throw new ArgumentException(
                    $"Type '{type.Name}' has no property for the model's {column.Role} column '{column.Name}'. Add a public property named " +
                    $"'{column.Name}' (any case), or mark one with [ColumnName(\"{column.Name}\")]. Its public members are: " +
                    $"{(members.Count == 0 ? "none" : string.Join(", ", members.Select(m => m.Name)))}.");
            }

            CheckType(type, member, column);
            map[i] = (column, CompileReader(type, member));
        }

        return new TypedPostMap(map);
    }

    /// <summary>Writes a post's values into a scoring row.</summary>
    /// <exception cref="ArgumentException">An image path is outside the allowed root.</exception>
    public void Write(object post, ScoringInputRow row, ImagePathPolicy images)
    {
        foreach (var (column, read) in _members)
        {
            var value = read?.Invoke(post);
            if (column.IsNumber)
            {
                row.SetNumber(column.Index, value is null ? float.NaN : Convert.ToSingle(value, CultureInfo.InvariantCulture));
                continue;
            }

            PostCellWriter.Write(row, column, AsText(value), images);
        }
    }

    private static string? AsText(object? value) => value switch
    {
        null => null,
        string text => text,
        DateTime time => time.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private static MemberInfo? Find(Type type, List<MemberInfo> members, string column)
    {
        var named = members.Where(m => ColumnNameOf(m) == column).ToList();
        if (named.Count > 0)
        {
            return named[0];
        }

        var candidates = members.Where(m => m.GetCustomAttribute<ColumnNameAttribute>() is null && string.Equals(m.Name, column, StringComparison.OrdinalIgnoreCase)).ToList();
        if (candidates.Count > 1)
        {
            return candidates.FirstOrDefault(m => m.Name == column) ?? throw new ArgumentException(
                $"Type '{type.Name}' has several members matching column '{column}' when case is ignored ({string.Join(", ", candidates.Select(m => m.Name))}); " +
                $"mark the one to use with [ColumnName(\"{column}\")].");
        }

        return candidates.FirstOrDefault();
    }

    /// <summary>The name given by <see cref="ColumnNameAttribute"/>, which keeps it internal, so it is read from the attribute's data.</summary>
    private static string? ColumnNameOf(MemberInfo member) =>
        member.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType == typeof(ColumnNameAttribute))?.ConstructorArguments.FirstOrDefault().Value as string;

    private static void CheckType(Type type, MemberInfo member, ScoringColumn column)
    {
        var memberType = member is PropertyInfo property ? property.PropertyType : ((FieldInfo)member).FieldType;
        var core = Nullable.GetUnderlyingType(memberType) ?? memberType;
        bool ok = column.Role switch
        {
            ColumnRole.Numeric => NumberTypes.Contains(core),
            ColumnRole.Timestamp => core == typeof(string) || core == typeof(DateTime) || core == typeof(DateTimeOffset),
            ColumnRole.Categorical or ColumnRole.Id or ColumnRole.User => core == typeof(string) || core == typeof(bool) || core.IsEnum || NumberTypes.Contains(core),
            _ => core == typeof(string),
        };
        if (!ok)
        {
            var valid = column.Role switch
            {
                ColumnRole.Numeric => "float, double, int, long, short, byte or decimal (nullable allowed; null is a missing value)",
                ColumnRole.Timestamp => "string (ISO-8601 or Unix seconds), DateTime or DateTimeOffset",
                ColumnRole.Categorical or ColumnRole.Id or ColumnRole.User => "string, bool, an enum or a number",
                _ => "string",
            };
            throw new ArgumentException(
                $"Property '{type.Name}.{member.Name}' is {memberType.Name}, but it feeds the model's {column.Role} column '{column.Name}', which takes {valid}.");
        }
    }

    private static Func<object, object?> CompileReader(Type type, MemberInfo member)
    {
        var instance = Expression.Parameter(typeof(object), "post");
        var access = Expression.MakeMemberAccess(Expression.Convert(instance, type), member);
        return Expression.Lambda<Func<object, object?>>(Expression.Convert(access, typeof(object)), instance).Compile();
    }
}
