using System.Runtime.CompilerServices;
using Spx.Research.DuckDb.Native;

namespace Spx.Research.DuckDb;

/// <summary>
/// Bulk-loads rows into a table, far faster than INSERT statements. Values are written straight into
/// a native data chunk's vector memory (no call into DuckDB per value); each full chunk of
/// <c>duckdb_vector_size()</c> rows is handed to DuckDB with one <c>duckdb_append_data_chunk</c>.
/// <code>
/// using var appender = connection.CreateAppender("bars");
/// foreach (var bar in bars)
///     appender.BeginRow().Append(bar.Time).Append(bar.Ticker).Append(bar.Close).EndRow();
/// </code>
/// Each row must supply every table column, in table order. A value of the wrong type for its column
/// throws <see cref="DuckDbException"/> naming the column and the row number, and discards that row
/// only. Rows become visible to other connections on <see cref="Flush"/> or <see cref="Dispose"/>;
/// when DuckDB rejects a flush (e.g. a constraint violation) the rows since the last successful flush
/// are discarded and the exception carries DuckDB's message. Not thread-safe; one appender per
/// connection at a time.
/// </summary>
public sealed unsafe partial class DuckDbAppender : IDisposable
{
    private readonly ConnectionHandle _connection;
    private readonly string? _schema;
    private readonly string _table;
    private readonly AppenderHandle _appender;
    private readonly DataChunkHandle _chunk;
    private readonly ColumnType[] _types;
    private readonly DuckDbTypeId[] _ids;
    private readonly IntPtr[] _vectors;
    private readonly IntPtr[] _data;
    private readonly IntPtr[] _validity;
    private readonly string?[] _lastString;
    private readonly int[] _lastStringRow;
    private readonly int _capacity;
    private byte[] _utf8 = new byte[256];
    private string[]? _columnNames;
    private bool _connectionReferenced;
    private int _row;
    private int _column;
    private long _flushedRows;
    private bool _disposed;

    internal DuckDbAppender(DuckDbConnection connection, string? schema, string table)
    {
        _connection = connection.Handle;
        _schema = schema;
        _table = table;
        var state = NativeMethods.duckdb_appender_create(_connection.Pointer, schema, table, out var appender);
        _appender = new AppenderHandle(appender);
        if (state != NativeMethods.Success)
        {
            var message = NativeText.Borrowed(NativeMethods.duckdb_appender_error(appender));
            _appender.Dispose();
            throw new DuckDbException(message ?? $"Could not create an appender for table '{QualifiedTable}'.");
        }

        var count = (int)NativeMethods.duckdb_appender_column_count(appender);
        _types = new ColumnType[count];
        _ids = new DuckDbTypeId[count];
        var logical = new IntPtr[count];
        try
        {
            for (var i = 0; i < count; i++)
            {
                logical[i] = NativeMethods.duckdb_appender_column_type(appender, (ulong)i);
                _types[i] = ColumnType.FromLogical(logical[i]);
                _ids[i] = _types[i].Id;
            }
            fixed (IntPtr* types = logical)
                _chunk = new DataChunkHandle(NativeMethods.duckdb_create_data_chunk(types, (ulong)count));
        }
        finally
        {
            for (var i = 0; i < count; i++)
            {
                if (logical[i] != IntPtr.Zero) NativeMethods.duckdb_destroy_logical_type(ref logical[i]);
            }
        }
        if (_chunk.IsInvalid)
        {
            _appender.Dispose();
            throw new DuckDbException($"Could not create a data chunk for the columns of '{QualifiedTable}'.");
        }

        _capacity = (int)NativeMethods.duckdb_vector_size();
        _vectors = new IntPtr[count];
        _data = new IntPtr[count];
        _validity = new IntPtr[count];
        _lastString = new string?[count];
        _lastStringRow = new int[count];
        RefreshVectors();
        _connection.DangerousAddRef(ref _connectionReferenced);
    }

    /// <summary>Number of columns each row must supply.</summary>
    public int ColumnCount => _types.Length;

    /// <summary>DuckDB type names of the table's columns, in order.</summary>
    public IReadOnlyList<string> ColumnTypes => _types.Select(t => t.Name).ToArray();

    /// <summary>Rows completed with <see cref="EndRow"/> so far (flushed or still buffered).</summary>
    public long RowCount => _flushedRows + _row;

    /// <summary>Starts a row. Optional (a row also starts after <see cref="EndRow"/>), but it discards a
    /// half-written row, which makes recovery after an exception explicit.</summary>
    public DuckDbAppender BeginRow()
    {
        ThrowIfDisposed();
        if (_column != 0) DiscardRow();
        return this;
    }

    /// <summary>Completes the row; throws when it did not supply every column.</summary>
    public void EndRow()
    {
        if (_column != _types.Length)
        {
            var supplied = _column;
            DiscardRow();
            throw new DuckDbException(
                $"Row {RowNumber} for table '{QualifiedTable}' has {supplied} value(s) but the table has {_types.Length} column(s).");
        }
        _column = 0;
        if (++_row == _capacity) AppendChunk();
    }

    /// <summary>Appends NULL to the next column.</summary>
    public DuckDbAppender AppendNull()
    {
        var c = NextColumn();
        var validity = (ulong*)_validity[c];
        if (validity == null)
        {
            NativeMethods.duckdb_vector_ensure_validity_writable(_vectors[c]);
            validity = NativeMethods.duckdb_vector_get_validity(_vectors[c]);
            _validity[c] = (IntPtr)validity;
        }
        validity[_row >> 6] &= ~(1UL << (_row & 63));
        _column = c + 1;
        return this;
    }

    /// <summary>Hands buffered rows to DuckDB and commits them to the table.</summary>
    public void Flush()
    {
        ThrowIfDisposed();
        if (_column != 0)
            throw new DuckDbException($"Row {RowNumber} for table '{QualifiedTable}' is incomplete; call EndRow() before Flush().");
        AppendChunk();
        if (NativeMethods.duckdb_appender_flush(_appender.Pointer) != NativeMethods.Success)
            throw AppenderError("flush");
    }

    /// <summary>Discards a half-written row, flushes complete rows and releases the appender.
    /// Throws <see cref="DuckDbException"/> if that final flush fails (after releasing everything).</summary>
    public void Dispose()
    {
        if (_disposed) return;
        try
        {
            if (_column != 0) DiscardRow();
            Flush();
        }
        finally
        {
            _disposed = true;
            _chunk.Dispose();
            _appender.Dispose();
            if (_connectionReferenced) _connection.DangerousRelease();
            _connectionReferenced = false;
        }
    }

    // ---- row state --------------------------------------------------------------------------

    private long RowNumber => _flushedRows + _row + 1;

    private string QualifiedTable => _schema is null ? _table : $"{_schema}.{_table}";

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int NextColumn()
    {
        var c = _column;
        if ((uint)c >= (uint)_ids.Length) throw TooManyValues();
        return c;
    }

    private DuckDbException TooManyValues()
    {
        ThrowIfDisposed();
        DiscardRow();
        return new DuckDbException(
            $"Row {RowNumber} for table '{QualifiedTable}' has more values than the table's {_types.Length} column(s); call EndRow() after the last column.");
    }

    /// <summary>Forgets the values written so far for the current row (marks its cells valid again).</summary>
    private void DiscardRow()
    {
        for (var c = 0; c < _validity.Length; c++)
        {
            var validity = (ulong*)_validity[c];
            if (validity != null) validity[_row >> 6] |= 1UL << (_row & 63);
        }
        _column = 0;
    }

    private DuckDbException Mismatch(int column, Type valueType)
    {
        var row = RowNumber;
        DiscardRow();
        return new DuckDbException(
            $"Cannot append a {valueType.Name} value to column '{ColumnName(column)}' ({_types[column].Name}) of table '{QualifiedTable}' at row {row}.");
    }

    private DuckDbException OutOfRange(int column, object value)
    {
        var row = RowNumber;
        DiscardRow();
        return new DuckDbException(
            $"Value {value} is out of range for column '{ColumnName(column)}' ({_types[column].Name}) of table '{QualifiedTable}' at row {row}.");
    }

    /// <summary>DuckDB rejected buffered rows: report its message and drop those rows, so the appender
    /// stays usable and a later flush does not fail on the same rows again.</summary>
    private DuckDbException AppenderError(string action)
    {
        var message = NativeText.Borrowed(NativeMethods.duckdb_appender_error(_appender.Pointer));
        var error = new DuckDbException(message ?? $"DuckDB could not {action} rows for '{QualifiedTable}'.");
        NativeMethods.duckdb_appender_clear(_appender.Pointer);
        return error;
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    /// <summary>Column names are only needed for error messages, so they are looked up on first use.</summary>
    private string ColumnName(int column)
    {
        if (_columnNames is null)
        {
            var names = new string[_types.Length];
            if (NativeMethods.duckdb_table_description_create(_connection.Pointer, _schema, _table, out var description) == NativeMethods.Success)
            {
                for (var i = 0; i < names.Length; i++)
                    names[i] = NativeText.Owned(NativeMethods.duckdb_table_description_get_column_name(description, (ulong)i)) ?? $"#{i + 1}";
            }
            else
            {
                for (var i = 0; i < names.Length; i++) names[i] = $"#{i + 1}";
            }
            NativeMethods.duckdb_table_description_destroy(ref description);
            _columnNames = names;
        }
        return _columnNames[column];
    }

    // ---- chunk management -------------------------------------------------------------------

    private void AppendChunk()
    {
        if (_row == 0) return;
        NativeMethods.duckdb_data_chunk_set_size(_chunk.Pointer, (ulong)_row);
        var state = NativeMethods.duckdb_append_data_chunk(_appender.Pointer, _chunk.Pointer);
        var rows = _row;
        NativeMethods.duckdb_data_chunk_reset(_chunk.Pointer);
        RefreshVectors();
        if (state != NativeMethods.Success) throw AppenderError("append");
        _flushedRows += rows;
    }

    /// <summary>Re-reads vector pointers after a reset: data buffers may move and validity masks are dropped.</summary>
    private void RefreshVectors()
    {
        for (var c = 0; c < _types.Length; c++)
        {
            _vectors[c] = NativeMethods.duckdb_data_chunk_get_vector(_chunk.Pointer, (ulong)c);
            _data[c] = (IntPtr)NativeMethods.duckdb_vector_get_data(_vectors[c]);
            _validity[c] = IntPtr.Zero;
            _lastString[c] = null;
            _lastStringRow[c] = -1;
        }
        _row = 0;
        _column = 0;
    }
}
