using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace Spx.Research.DuckDb;

/// <summary>
/// A value bound to a prepared statement, never spliced into SQL text. Leave
/// <see cref="ParameterName"/> empty to bind by position (<c>?</c> or <c>$1</c>, in collection order)
/// or name it to bind <c>$name</c> (a leading <c>$</c>, <c>@</c> or <c>:</c> is ignored).
/// The DuckDB type follows the .NET value: <see cref="DateTime"/> → TIMESTAMP (wall clock as given,
/// <see cref="DateTime.Kind"/> ignored), <see cref="DateTimeOffset"/> → TIMESTAMPTZ (the UTC instant),
/// <see cref="DateOnly"/> → DATE, <see cref="TimeOnly"/> → TIME, <see cref="TimeSpan"/> and
/// <see cref="DuckDbInterval"/> → INTERVAL, <see cref="Guid"/> → UUID, <c>byte[]</c> → BLOB,
/// <see cref="decimal"/> → DECIMAL, null/<see cref="DBNull"/> → NULL.
/// </summary>
public sealed class DuckDbParameter : DbParameter
{
    private string _name = "";
    private string _sourceColumn = "";
    private DbType? _dbType;

    /// <summary>Creates an unnamed (positional) parameter with no value.</summary>
    public DuckDbParameter() { }

    /// <summary>Creates a positional parameter.</summary>
    public DuckDbParameter(object? value) => Value = value;

    /// <summary>Creates a named parameter (<c>$name</c> in SQL).</summary>
    public DuckDbParameter(string name, object? value)
    {
        ParameterName = name;
        Value = value;
    }

    /// <inheritdoc />
    public override DbType DbType
    {
        get => _dbType ?? InferDbType(Value);
        set => _dbType = value;
    }

    /// <summary>Only input parameters exist in DuckDB.</summary>
    public override ParameterDirection Direction
    {
        get => ParameterDirection.Input;
        set
        {
            if (value != ParameterDirection.Input) throw new NotSupportedException("DuckDB supports only input parameters.");
        }
    }

    /// <inheritdoc />
    public override bool IsNullable { get; set; } = true;

    /// <inheritdoc />
    [AllowNull]
    public override string ParameterName
    {
        get => _name;
        set => _name = value ?? "";
    }

    /// <inheritdoc />
    [AllowNull]
    public override string SourceColumn
    {
        get => _sourceColumn;
        set => _sourceColumn = value ?? "";
    }

    /// <inheritdoc />
    public override bool SourceColumnNullMapping { get; set; }

    /// <inheritdoc />
    public override DataRowVersion SourceVersion { get; set; } = DataRowVersion.Current;

    /// <inheritdoc />
    public override int Size { get; set; }

    /// <inheritdoc />
    public override object? Value { get; set; }

    /// <inheritdoc />
    public override void ResetDbType() => _dbType = null;

    /// <summary>The name DuckDB knows (<c>$name</c> → <c>name</c>), or null for a positional parameter.</summary>
    internal string? BareName =>
        _name.Length == 0 ? null : _name[0] is '$' or '@' or ':' ? _name[1..] : _name;

    private static DbType InferDbType(object? value) => value switch
    {
        bool => DbType.Boolean,
        sbyte => DbType.SByte,
        byte => DbType.Byte,
        short => DbType.Int16,
        ushort => DbType.UInt16,
        int => DbType.Int32,
        uint => DbType.UInt32,
        long => DbType.Int64,
        ulong => DbType.UInt64,
        float => DbType.Single,
        double => DbType.Double,
        decimal => DbType.Decimal,
        string or char => DbType.String,
        byte[] => DbType.Binary,
        DateTime => DbType.DateTime2,
        DateTimeOffset => DbType.DateTimeOffset,
        DateOnly => DbType.Date,
        TimeOnly => DbType.Time,
        Guid => DbType.Guid,
        _ => DbType.Object,
    };
}
