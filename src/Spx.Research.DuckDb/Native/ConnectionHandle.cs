namespace Spx.Research.DuckDb.Native;

/// <summary>
/// A <c>duckdb_connection</c> plus the lease on its shared database, so the database is released
/// exactly when the last connection goes away — also when a caller forgets to dispose one.
/// </summary>
internal sealed class ConnectionHandle : NativeHandle
{
    private readonly SharedDatabase _database;

    public ConnectionHandle(IntPtr pointer, SharedDatabase database) : base(pointer) => _database = database;

    protected override bool ReleaseHandle()
    {
        var pointer = handle;
        NativeMethods.duckdb_disconnect(ref pointer);
        _database.Release();
        return true;
    }
}
