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
public sealed unsafe partial class DuckDbDataReader : DbDataReader
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
            // Ask before the first fetch: once chunks are fetched the C API no longer reports the total.
            if (!result.IsStreaming) MaterializedRowCount = (long)NativeMethods.duckdb_row_count(result.Result);
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
    internal long? MaterializedRowCount { get; }

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
                if (error is null) return false;
                if (_result.IsStreaming && error.Contains("closed", StringComparison.OrdinalIgnoreCase))
                    error += " (Another statement ran on this connection while this reader was streaming; dispose the reader first, or use a second connection.)";
                throw new DuckDbException(error);
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
}
