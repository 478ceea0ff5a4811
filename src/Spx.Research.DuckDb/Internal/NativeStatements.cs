using Spx.Research.DuckDb.Native;

namespace Spx.Research.DuckDb;

/// <summary>
/// The C-API steps of running SQL: split text into statements, prepare one, execute it. Errors
/// become <see cref="DuckDbException"/> carrying DuckDB's own message.
/// </summary>
internal static unsafe class NativeStatements
{
    /// <summary>Splits <paramref name="sql"/> into statements (so pasted scripts work) and returns the
    /// extracted-statements object with its count; the caller destroys it.</summary>
    public static (IntPtr Extracted, int Count) Extract(ConnectionHandle connection, string sql)
    {
        var count = (int)NativeMethods.duckdb_extract_statements(connection.Pointer, sql, out var extracted);
        if (count > 0) return (extracted, count);
        var message = NativeText.Borrowed(NativeMethods.duckdb_extract_statements_error(extracted));
        NativeMethods.duckdb_destroy_extracted(ref extracted);
        throw new DuckDbException(message ?? "The command text contains no SQL statement.");
    }

    public static PreparedStatementHandle Prepare(ConnectionHandle connection, IntPtr extracted, int index)
    {
        var state = NativeMethods.duckdb_prepare_extracted_statement(connection.Pointer, extracted, (ulong)index, out var prepared);
        var handle = new PreparedStatementHandle(prepared);
        if (state == NativeMethods.Success) return handle;
        var message = NativeText.Borrowed(NativeMethods.duckdb_prepare_error(prepared));
        handle.Dispose();
        throw new DuckDbException(message ?? "DuckDB could not prepare the statement.");
    }

    /// <summary>Runs a prepared statement. Streaming results are produced chunk by chunk as the reader
    /// asks; materialized ones are complete (and know how many rows they changed).</summary>
    public static ResultHandle Execute(PreparedStatementHandle prepared, bool streaming)
    {
        var result = ResultHandle.Allocate();
        var state = streaming
            ? NativeMethods.duckdb_execute_prepared_streaming(prepared.Pointer, result.Result)
            : NativeMethods.duckdb_execute_prepared(prepared.Pointer, result.Result);
        result.IsStreaming = streaming;
        if (state == NativeMethods.Success) return result;
        var message = NativeText.Borrowed(NativeMethods.duckdb_result_error(result.Result));
        result.Dispose();
        throw new DuckDbException(message ?? "DuckDB could not execute the statement.");
    }

    public static bool IsSelect(PreparedStatementHandle prepared) =>
        NativeMethods.duckdb_prepared_statement_type(prepared.Pointer) == (int)DuckDbStatementType.Select;

    /// <summary>Rows inserted/updated/deleted, or -1 when the statement does not change rows.</summary>
    public static int RowsChanged(ResultHandle result)
    {
        if (result.IsStreaming) return -1;
        if (NativeMethods.duckdb_result_return_type(*result.Result) != (int)DuckDbResultType.ChangedRows) return -1;
        return (int)Math.Min(int.MaxValue, NativeMethods.duckdb_rows_changed(result.Result));
    }
}
