using System.Runtime.CompilerServices;
using DuckDB.NET.Data;

namespace Spx.Research.Lake;

/// <summary>
/// One row being appended through a <see cref="LakeAppender"/>: values in the dataset's column order, each
/// checked against its column's declared type before DuckDB.NET sees it, then <see cref="EndRow"/>.
/// </summary>
/// <remarks>
/// DuckDB.NET writes a number's bytes without looking at the column type, so an <c>int</c> in a BIGINT
/// column or a bare <c>1</c> (which binds to its <c>sbyte?</c> overload) stores garbage that the lake's
/// validation cannot tell from data. Here every overload names one .NET type and is accepted only by the
/// declared types it means; there is no <c>object</c> overload. The same instance serves every row of its
/// appender: use it between <see cref="LakeAppender.CreateRow"/> and <see cref="EndRow"/> only.
/// </remarks>
public sealed class LakeAppenderRow
{
    private const int Ended = -1;

    private readonly DatasetSchema _schema;
    private readonly AppendableType[] _types;
    private IDuckDBAppenderRow _raw = null!;
    private int _column = Ended;

    internal LakeAppenderRow(DatasetSchema schema)
    {
        _schema = schema;
        _types = schema.Columns.Select(c => AppendableTypes.Of(c.Type)).ToArray();
    }

    /// <summary>1-based number of this row within its write, for error messages.</summary>
    internal long Number { get; private set; }

    /// <summary>True between <see cref="Begin"/> and <see cref="EndRow"/>.</summary>
    internal bool IsOpen => _column != Ended;

    /// <summary>VARCHAR.</summary>
    public LakeAppenderRow AppendValue(string? value)
    {
        Expect(AppendableType.Varchar, nameof(String));
        _raw.AppendValue(value);
        return Next();
    }

    /// <summary>BIGINT.</summary>
    public LakeAppenderRow AppendValue(long? value)
    {
        Expect(AppendableType.BigInt, nameof(Int64));
        _raw.AppendValue(value);
        return Next();
    }

    /// <summary>INTEGER.</summary>
    public LakeAppenderRow AppendValue(int? value)
    {
        Expect(AppendableType.Integer, nameof(Int32));
        _raw.AppendValue(value);
        return Next();
    }

    /// <summary>DOUBLE.</summary>
    public LakeAppenderRow AppendValue(double? value)
    {
        Expect(AppendableType.Double, nameof(Double));
        _raw.AppendValue(value);
        return Next();
    }

    /// <summary>BOOLEAN.</summary>
    public LakeAppenderRow AppendValue(bool? value)
    {
        Expect(AppendableType.Boolean, nameof(Boolean));
        _raw.AppendValue(value);
        return Next();
    }

    /// <summary>DATE.</summary>
    public LakeAppenderRow AppendValue(DateOnly? value)
    {
        Expect(AppendableType.Date, nameof(DateOnly));
        _raw.AppendValue(value);
        return Next();
    }

    /// <summary>TIMESTAMPTZ: the instant, whatever the offset.</summary>
    public LakeAppenderRow AppendValue(DateTimeOffset? value)
    {
        Expect(AppendableType.TimestampTz, nameof(DateTimeOffset));
        _raw.AppendValue(value?.UtcDateTime);
        return Next();
    }

    /// <summary>TIMESTAMPTZ from a <see cref="DateTimeKind.Utc"/> time; another kind is not an instant and is refused.</summary>
    public LakeAppenderRow AppendValue(DateTime? value)
    {
        Expect(AppendableType.TimestampTz, nameof(DateTime));
        if (value is { Kind: not DateTimeKind.Utc } time) throw NotUtc(time.Kind);
        _raw.AppendValue(value);
        return Next();
    }

    /// <summary>VARCHAR[]: null for a NULL list; the items may be null.</summary>
    public LakeAppenderRow AppendValue(IEnumerable<string?>? values)
    {
        Expect(AppendableType.VarcharList, "list of String");
        if (values is null) _raw.AppendNullValue();
        else _raw.AppendValue(values);
        return Next();
    }

    /// <summary>NULL in the current column, whatever its type (a non-nullable column then fails validation, naming the row's key).</summary>
    public LakeAppenderRow AppendNull()
    {
        if ((uint)_column >= (uint)_types.Length) throw Misplaced("NULL");
        _raw.AppendNullValue();
        return Next();
    }

    /// <summary>Ends the row; it must have had a value for every column.</summary>
    public void EndRow()
    {
        if (_column != _types.Length) throw _column == Ended ? AlreadyEnded() : TooFew();
        _raw.EndRow();
        _column = Ended;
    }

    internal void Begin(IDuckDBAppenderRow raw, long number)
    {
        _raw = raw;
        Number = number;
        _column = 0;
    }

    /// <summary>The error for a row left open (no <see cref="EndRow"/>) when the next row starts or the write ends.</summary>
    internal LakeSchemaException NotEnded() =>
        new(_schema.Name, null, $"{_schema.Name} row {Number} was not ended with EndRow ({_column} of {_types.Length} values)");

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Expect(AppendableType type, string given)
    {
        var types = _types;
        var column = _column;
        if ((uint)column >= (uint)types.Length || types[column] != type) throw Misplaced(given);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private LakeAppenderRow Next()
    {
        _column++;
        return this;
    }

    /// <summary>Why a value of <paramref name="given"/> cannot go here: the row is ended, full, or the column has another type.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private LakeSchemaException Misplaced(string given)
    {
        if (_column == Ended) return AlreadyEnded();
        if (_column >= _types.Length)
            return new(_schema.Name, null, $"{_schema.Name} row {Number} has more values than its {_types.Length} columns");
        var column = _schema.Columns[_column];
        return new(_schema.Name, column.Name, $"{_schema.Name}.{column.Name} is {column.Type}; got {given} (row {Number})");
    }

    private LakeSchemaException NotUtc(DateTimeKind kind)
    {
        var column = _schema.Columns[_column];
        return new(_schema.Name, column.Name,
            $"{_schema.Name}.{column.Name} is {column.Type}; got a DateTime of kind {kind}, which is not an instant (row {Number})");
    }

    private LakeSchemaException AlreadyEnded() =>
        new(_schema.Name, null, $"{_schema.Name} row {Number} was already ended; start the next row with CreateRow");

    private LakeSchemaException TooFew()
    {
        var missing = string.Join(", ", _schema.Columns.Skip(_column).Select(c => c.Name));
        return new(_schema.Name, null, $"{_schema.Name} row {Number} has {_column} values; the dataset has {_types.Length} columns (missing {missing})");
    }
}
