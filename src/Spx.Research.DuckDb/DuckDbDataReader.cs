using System.Collections;
using System.Data;
using System.Data.Common;
using Spx.Research.DuckDb.Native;

namespace Spx.Research.DuckDb;

/// <summary>
/// Streams a result chunk by chunk (<c>duckdb_fetch_chunk</c>, up to 2048 rows each) and reads values
/// straight from vector memory — no per-value call into DuckDB.
/// <para>
/// Types: BOOLEAN → bool; TINYINT…BIGINT → sbyte/short/int/long; UTINYINT…UBIGINT → byte…ulong;
/// HUGEINT/UHUGEINT → Int128/UInt128; FLOAT/DOUBLE → float/double; DECIMAL → decimal; VARCHAR/ENUM →
/// string; BLOB → byte[]; DATE → DateOnly; TIME → TimeOnly; TIMESTAMP (and _S/_MS/_NS) → DateTime with
/// <see cref="DateTimeKind.Unspecified"/> (a TIMESTAMP has no zone; the lake stores UTC by convention);
/// TIMESTAMP WITH TIME ZONE → DateTimeOffset at offset zero; INTERVAL → <see cref="DuckDbInterval"/>
/// (<c>GetFieldValue&lt;TimeSpan&gt;</c> works when it has no months); UUID → Guid; LIST/ARRAY → an
/// array of nullable elements (<c>int?[]</c>, <c>double?[]</c>, <c>string?[]</c>; <c>GetFieldValue&lt;int[]&gt;</c>
/// works when no element is NULL); STRUCT → Dictionary&lt;string, object?&gt;; MAP → Dictionary&lt;object, object?&gt;.
/// SQL NULL: <see cref="IsDBNull"/> is true and <see cref="GetValue"/> returns <see cref="DBNull.Value"/>.
/// </para>
/// <para>Only one result per command (<see cref="NextResult"/> is false). Not thread-safe. Dispose it
/// before running another statement on the same connection: DuckDB ends a streaming result when the
/// connection starts the next query.</para>
/// </summary>
public sealed unsafe class DuckDbDataReader : DbDataReader
{
    private readonly ResultHandle _result;
    private readonly PreparedStatementHandle _statement;
    private readonly bool _ownsStatement;
    private readonly ConnectionHandle _connection;
    private readonly DuckDbConnection? _closeOnDispose;
    private readonly ColumnType[] _types;
    private readonly string[] _names;
    private readonly VectorView[] _views;
    private readonly int _recordsAffected;
    private readonly bool _hasRows;
    private bool _statementReferenced;
    private bool _connectionReferenced;
    private Dictionary<string, int>? _ordinals;
    private DataChunkHandle? _chunk;
    private long _chunkSize;
    private long _row = -1;
    private bool _closed;

    internal DuckDbDataReader(
        ResultHandle result, PreparedStatementHandle statement, bool ownsStatement,
        ConnectionHandle connection, DuckDbConnection? closeOnDispose, int recordsAffected)
    {
        _result = result;
        _statement = statement;
        _ownsStatement = ownsStatement;
        _connection = connection;
        _closeOnDispose = closeOnDispose;
        _recordsAffected = recordsAffected;
        // Keep the native statement and connection alive while the result streams, even if the
        // command re-prepares or the connection object is closed first.
        if (!ownsStatement) statement.DangerousAddRef(ref _statementReferenced);
        connection.DangerousAddRef(ref _connectionReferenced);
        try
        {
            var count = (int)NativeMethods.duckdb_column_count(result.Result);
            _types = new ColumnType[count];
            _names = new string[count];
            _views = new VectorView[count];
            for (var i = 0; i < count; i++)
            {
                _names[i] = NativeText.Borrowed(NativeMethods.duckdb_column_name(result.Result, (ulong)i)) ?? "";
                _types[i] = ColumnType.FromOwnedLogical(NativeMethods.duckdb_column_logical_type(result.Result, (ulong)i));
                _views[i] = new VectorView(_types[i]);
            }
            _hasRows = NextChunk();
        }
        catch
        {
            Close();
            throw;
        }
    }

    /// <inheritdoc />
    public override int FieldCount => _types.Length;

    /// <inheritdoc />
    public override int VisibleFieldCount => _types.Length;

    /// <inheritdoc />
    public override bool HasRows => _hasRows;

    /// <inheritdoc />
    public override bool IsClosed => _closed;

    /// <summary>Rows changed by an INSERT/UPDATE/DELETE (summed over a script), or -1.</summary>
    public override int RecordsAffected => _recordsAffected;

    /// <inheritdoc />
    public override int Depth => 0;

    /// <inheritdoc />
    public override object this[int ordinal] => GetValue(ordinal);

    /// <inheritdoc />
    public override object this[string name] => GetValue(GetOrdinal(name));

    /// <inheritdoc />
    public override bool Read()
    {
        if (_chunk is null) return false;
        if (++_row < _chunkSize) return true;
        if (!NextChunk()) return false;
        _row = 0;
        return true;
    }

    /// <summary>Always false: a command yields one result (a script yields its last statement's).</summary>
    public override bool NextResult() => false;

    /// <inheritdoc />
    public override string GetName(int ordinal) => _names[ordinal];

    /// <inheritdoc />
    public override int GetOrdinal(string name)
    {
        if (_ordinals is null)
        {
            _ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = _names.Length - 1; i >= 0; i--) _ordinals[_names[i]] = i;
        }
        if (_ordinals.TryGetValue(name, out var ordinal)) return ordinal;
        for (var i = 0; i < _names.Length; i++)
        {
            if (string.Equals(_names[i], name, StringComparison.OrdinalIgnoreCase)) return i;
        }
        throw new IndexOutOfRangeException($"The result has no column named '{name}'; columns: {string.Join(", ", _names)}.");
    }

    /// <summary>DuckDB's type name, e.g. <c>BIGINT</c>, <c>DECIMAL(18,3)</c>, <c>VARCHAR[]</c>, <c>TIMESTAMP WITH TIME ZONE</c>.</summary>
    public override string GetDataTypeName(int ordinal) => _types[ordinal].Name;

    /// <inheritdoc />
    public override Type GetFieldType(int ordinal) => _types[ordinal].ClrType;

    /// <inheritdoc />
    public override bool IsDBNull(int ordinal) => Current(ordinal).IsNull(_row);

    /// <inheritdoc />
    public override object GetValue(int ordinal)
    {
        var view = Current(ordinal);
        return view.IsNull(_row) ? DBNull.Value : view.GetValue(_row);
    }

    /// <inheritdoc />
    public override int GetValues(object[] values)
    {
        var count = Math.Min(values.Length, FieldCount);
        for (var i = 0; i < count; i++) values[i] = GetValue(i);
        return count;
    }

    /// <inheritdoc />
    public override bool GetBoolean(int ordinal)
    {
        var view = NotNull(ordinal);
        return view.Type.Id == DuckDbTypeId.Boolean ? view.Read<byte>(_row) != 0 : Convert<bool>(ordinal);
    }

    /// <inheritdoc />
    public override byte GetByte(int ordinal)
    {
        var view = NotNull(ordinal);
        return view.Type.Id == DuckDbTypeId.UTinyInt ? view.Read<byte>(_row) : Convert<byte>(ordinal);
    }

    /// <inheritdoc />
    public override short GetInt16(int ordinal)
    {
        var view = NotNull(ordinal);
        return view.Type.Id switch
        {
            DuckDbTypeId.SmallInt => view.Read<short>(_row),
            DuckDbTypeId.TinyInt => view.Read<sbyte>(_row),
            DuckDbTypeId.UTinyInt => view.Read<byte>(_row),
            _ => Convert<short>(ordinal),
        };
    }

    /// <inheritdoc />
    public override int GetInt32(int ordinal)
    {
        var view = NotNull(ordinal);
        return view.Type.Id switch
        {
            DuckDbTypeId.Integer => view.Read<int>(_row),
            DuckDbTypeId.SmallInt => view.Read<short>(_row),
            DuckDbTypeId.TinyInt => view.Read<sbyte>(_row),
            DuckDbTypeId.USmallInt => view.Read<ushort>(_row),
            DuckDbTypeId.UTinyInt => view.Read<byte>(_row),
            _ => Convert<int>(ordinal),
        };
    }

    /// <inheritdoc />
    public override long GetInt64(int ordinal)
    {
        var view = NotNull(ordinal);
        return view.Type.Id switch
        {
            DuckDbTypeId.BigInt => view.Read<long>(_row),
            DuckDbTypeId.Integer => view.Read<int>(_row),
            DuckDbTypeId.SmallInt => view.Read<short>(_row),
            DuckDbTypeId.TinyInt => view.Read<sbyte>(_row),
            DuckDbTypeId.UInteger => view.Read<uint>(_row),
            DuckDbTypeId.USmallInt => view.Read<ushort>(_row),
            DuckDbTypeId.UTinyInt => view.Read<byte>(_row),
            _ => Convert<long>(ordinal),
        };
    }

    /// <inheritdoc />
    public override float GetFloat(int ordinal)
    {
        var view = NotNull(ordinal);
        return view.Type.Id == DuckDbTypeId.Float ? view.Read<float>(_row) : Convert<float>(ordinal);
    }

    /// <inheritdoc />
    public override double GetDouble(int ordinal)
    {
        var view = NotNull(ordinal);
        return view.Type.Id switch
        {
            DuckDbTypeId.Double => view.Read<double>(_row),
            DuckDbTypeId.Float => view.Read<float>(_row),
            DuckDbTypeId.BigInt => view.Read<long>(_row),
            DuckDbTypeId.Integer => view.Read<int>(_row),
            _ => Convert<double>(ordinal),
        };
    }

    /// <inheritdoc />
    public override decimal GetDecimal(int ordinal)
    {
        var view = NotNull(ordinal);
        return view.Type.Id == DuckDbTypeId.Decimal ? view.GetDecimal(_row) : Convert<decimal>(ordinal);
    }

    /// <inheritdoc />
    public override string GetString(int ordinal)
    {
        var view = NotNull(ordinal);
        return view.Type.Id switch
        {
            DuckDbTypeId.Varchar => NativeValues.ReadString(view.StringAt(_row)),
            DuckDbTypeId.Enum => (string)view.GetValue(_row),
            _ => throw CastError(ordinal, typeof(string)),
        };
    }

    /// <summary>The timestamp (TIMESTAMP*: Kind Unspecified; TIMESTAMPTZ: the UTC instant, Kind Utc; DATE: midnight).</summary>
    public override DateTime GetDateTime(int ordinal)
    {
        var view = NotNull(ordinal);
        return view.Type.Id switch
        {
            DuckDbTypeId.Timestamp => NativeValues.DateTimeFromMicros(view.Read<long>(_row)),
            DuckDbTypeId.TimestampTz => DateTime.SpecifyKind(NativeValues.DateTimeFromMicros(view.Read<long>(_row)), DateTimeKind.Utc),
            _ => Convert<DateTime>(ordinal),
        };
    }

    /// <inheritdoc />
    public override Guid GetGuid(int ordinal) => GetFieldValue<Guid>(ordinal);

    /// <inheritdoc />
    public override char GetChar(int ordinal) => GetString(ordinal) is [var c, ..] ? c : throw CastError(ordinal, typeof(char));

    /// <summary>Copies bytes of a BLOB (or VARCHAR's UTF-8); with a null buffer returns the total length.</summary>
    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length)
    {
        var view = NotNull(ordinal);
        if (view.Type.Id is not (DuckDbTypeId.Blob or DuckDbTypeId.Varchar or DuckDbTypeId.Bit)) throw CastError(ordinal, typeof(byte[]));
        var bytes = NativeValues.StringBytes(view.StringAt(_row));
        if (buffer is null) return bytes.Length;
        if (dataOffset >= bytes.Length) return 0;
        var count = Math.Min(length, bytes.Length - (int)dataOffset);
        bytes.Slice((int)dataOffset, count).CopyTo(buffer.AsSpan(bufferOffset));
        return count;
    }

    /// <summary>Copies characters of a VARCHAR; with a null buffer returns the total length.</summary>
    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length)
    {
        var text = GetString(ordinal);
        if (buffer is null) return text.Length;
        if (dataOffset >= text.Length) return 0;
        var count = Math.Min(length, text.Length - (int)dataOffset);
        text.AsSpan((int)dataOffset, count).CopyTo(buffer.AsSpan(bufferOffset));
        return count;
    }

    /// <summary>
    /// The value as <typeparamref name="T"/>: the column's own type, a nullable of it (NULL → null), or a
    /// sensible conversion (numeric widening, INTERVAL → TimeSpan, DATE → DateTime, list → non-nullable array).
    /// </summary>
    public override T GetFieldValue<T>(int ordinal)
    {
        if (typeof(T) == typeof(double)) return (T)(object)GetDouble(ordinal);
        if (typeof(T) == typeof(long)) return (T)(object)GetInt64(ordinal);
        if (typeof(T) == typeof(int)) return (T)(object)GetInt32(ordinal);
        if (typeof(T) == typeof(string)) return (T)(object)GetString(ordinal);
        if (typeof(T) == typeof(DateTime)) return (T)(object)GetDateTime(ordinal);
        if (typeof(T) == typeof(bool)) return (T)(object)GetBoolean(ordinal);
        if (typeof(T) == typeof(decimal)) return (T)(object)GetDecimal(ordinal);
        var view = Current(ordinal);
        if (view.IsNull(_row))
        {
            if (default(T) is null) return default!;
            throw new InvalidCastException($"Column '{_names[ordinal]}' is NULL; read it as {typeof(T).Name}? or check IsDBNull first.");
        }
        return Convert<T>(ordinal);
    }

    /// <inheritdoc />
    public override IEnumerator GetEnumerator() => new DbEnumerator(this, closeReader: false);

    /// <summary>A schema table with ColumnName, ColumnOrdinal, DataType, DataTypeName and AllowDBNull.</summary>
    public override DataTable GetSchemaTable()
    {
        var table = new DataTable("SchemaTable");
        table.Columns.Add(SchemaTableColumn.ColumnName, typeof(string));
        table.Columns.Add(SchemaTableColumn.ColumnOrdinal, typeof(int));
        table.Columns.Add(SchemaTableColumn.ColumnSize, typeof(int));
        table.Columns.Add(SchemaTableColumn.DataType, typeof(Type));
        table.Columns.Add("DataTypeName", typeof(string));
        table.Columns.Add(SchemaTableColumn.AllowDBNull, typeof(bool));
        for (var i = 0; i < FieldCount; i++)
            table.Rows.Add(_names[i], i, -1, _types[i].ClrType, _types[i].Name, true);
        return table;
    }

    /// <inheritdoc />
    public override void Close()
    {
        if (_closed) return;
        _closed = true;
        _chunk?.Dispose();
        _chunk = null;
        _result.Dispose();
        if (_ownsStatement) _statement.Dispose();
        if (_statementReferenced) _statement.DangerousRelease();
        if (_connectionReferenced) _connection.DangerousRelease();
        _closeOnDispose?.Close();
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing) Close();
        base.Dispose(disposing);
    }

    // ---- internal chunk access for DuckDbColumnarResult ------------------------------------

    internal ColumnType ColumnTypeAt(int ordinal) => _types[ordinal];

    /// <summary>Total rows of a materialized result; null when streaming (unknown up front).</summary>
    internal long? MaterializedRowCount =>
        _result.IsStreaming ? null : (long)NativeMethods.duckdb_row_count(_result.Result);

    /// <summary>The current chunk's row count (valid right after construction or <see cref="NextChunk"/>).</summary>
    internal long ChunkSize => _chunk is null ? 0 : _chunkSize;

    internal VectorView ChunkView(int ordinal) => _views[ordinal];

    /// <summary>Moves to the next non-empty chunk; false at the end. Rethrows errors raised while streaming.</summary>
    internal bool NextChunk()
    {
        _chunk?.Dispose();
        _chunk = null;
        _chunkSize = 0;
        if (_closed) return false;
        while (true)
        {
            var pointer = NativeMethods.duckdb_fetch_chunk(*_result.Result);
            if (pointer == IntPtr.Zero)
            {
                var error = NativeText.Borrowed(NativeMethods.duckdb_result_error(_result.Result));
                if (error is not null) throw new DuckDbException(error);
                return false;
            }
            var chunk = new DataChunkHandle(pointer);
            var size = (long)NativeMethods.duckdb_data_chunk_get_size(pointer);
            if (size == 0)
            {
                chunk.Dispose();
                continue;
            }
            for (var i = 0; i < _views.Length; i++)
                _views[i].Bind(NativeMethods.duckdb_data_chunk_get_vector(pointer, (ulong)i));
            _chunk = chunk;
            _chunkSize = size;
            _row = -1;
            return true;
        }
    }

    // ---- helpers ----------------------------------------------------------------------------

    private VectorView Current(int ordinal)
    {
        if (_chunk is null || _row < 0 || _row >= _chunkSize)
            throw new InvalidOperationException(_closed ? "The reader is closed." : "No current row; call Read() first (and check it returned true).");
        return _views[ordinal];
    }

    private VectorView NotNull(int ordinal)
    {
        var view = Current(ordinal);
        if (view.IsNull(_row))
            throw new InvalidCastException($"Column '{_names[ordinal]}' is NULL; check IsDBNull first.");
        return view;
    }

    private T Convert<T>(int ordinal)
    {
        var value = _views[ordinal].GetValue(_row);
        try
        {
            return (T)ValueConverter.ChangeType(value, typeof(T))!;
        }
        catch (Exception e) when (e is InvalidCastException or FormatException or OverflowException)
        {
            throw CastError(ordinal, typeof(T), e);
        }
    }

    private InvalidCastException CastError(int ordinal, Type target, Exception? inner = null) =>
        new($"Column '{_names[ordinal]}' is {_types[ordinal].Name} ({_types[ordinal].ClrType.Name}) and cannot be read as {target.Name}."
            + (inner is null ? "" : " " + inner.Message), inner);
}
