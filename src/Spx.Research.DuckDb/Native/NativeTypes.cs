using System.Runtime.InteropServices;

namespace Spx.Research.DuckDb.Native;

/// <summary>DuckDB's type ids (<c>duckdb_type</c>). The numbers are ABI: DuckDB only ever appends.</summary>
internal enum DuckDbTypeId
{
    Invalid = 0,
    Boolean = 1,
    TinyInt = 2,
    SmallInt = 3,
    Integer = 4,
    BigInt = 5,
    UTinyInt = 6,
    USmallInt = 7,
    UInteger = 8,
    UBigInt = 9,
    Float = 10,
    Double = 11,
    Timestamp = 12,
    Date = 13,
    Time = 14,
    Interval = 15,
    HugeInt = 16,
    Varchar = 17,
    Blob = 18,
    Decimal = 19,
    TimestampS = 20,
    TimestampMs = 21,
    TimestampNs = 22,
    Enum = 23,
    List = 24,
    Struct = 25,
    Map = 26,
    Uuid = 27,
    Union = 28,
    Bit = 29,
    TimeTz = 30,
    TimestampTz = 31,
    UHugeInt = 32,
    Array = 33,
    Any = 34,
    BigNum = 35,
    SqlNull = 36,
    StringLiteral = 37,
    IntegerLiteral = 38,
    TimeNs = 39,
}

/// <summary><c>duckdb_statement_type</c>: only the values we branch on.</summary>
internal enum DuckDbStatementType
{
    Invalid = 0,
    Select = 1,
}

/// <summary><c>duckdb_result_type</c>.</summary>
internal enum DuckDbResultType
{
    Invalid = 0,
    ChangedRows = 1,
    Nothing = 2,
    QueryResult = 3,
}

/// <summary>
/// <c>duckdb_result</c>. Only ever handled through a pointer to native memory we own
/// (see <see cref="ResultHandle"/>), except for <c>duckdb_fetch_chunk</c>, which takes it by value.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DuckDbResultStruct
{
    public ulong DeprecatedColumnCount;
    public ulong DeprecatedRowCount;
    public ulong DeprecatedRowsChanged;
    public IntPtr DeprecatedColumns;
    public IntPtr DeprecatedErrorMessage;
    public IntPtr InternalData;
}

/// <summary><c>duckdb_interval</c>, passed by value to <c>duckdb_bind_interval</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeInterval
{
    public int Months;
    public int Days;
    public long Micros;
}

/// <summary><c>duckdb_hugeint</c> / <c>duckdb_uhugeint</c>: value = upper * 2^64 + lower.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeHugeInt
{
    public ulong Lower;
    public long Upper;

    public static NativeHugeInt From(Int128 value) =>
        new() { Lower = (ulong)value, Upper = (long)(value >> 64) };
}

/// <summary><c>duckdb_decimal</c>: width and scale plus the unscaled value.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeDecimal
{
    public byte Width;
    public byte Scale;
    public NativeHugeInt Value;
}

/// <summary>
/// <c>duckdb_string_t</c>: 16 bytes; length first, then either 12 inlined bytes (length ≤ 12) or a
/// 4-byte prefix and a pointer to the bytes.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeStringT
{
    public const int InlineLength = 12;
    public uint Length;
    public uint Prefix;
    public IntPtr Pointer;
}

/// <summary><c>duckdb_list_entry</c>: where one row's list lives in the child vector.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeListEntry
{
    public ulong Offset;
    public ulong Length;
}
