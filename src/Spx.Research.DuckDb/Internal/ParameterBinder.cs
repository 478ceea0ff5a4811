using System.Buffers;
using System.Text;
using Spx.Research.DuckDb.Native;

namespace Spx.Research.DuckDb;

/// <summary>
/// Binds a <see cref="DuckDbParameterCollection"/> to a prepared statement with the typed
/// <c>duckdb_bind_*</c> functions, so values travel as data and never as SQL text. Every statement
/// parameter must receive exactly one value; mismatches fail with a message naming the parameters.
/// </summary>
internal static unsafe class ParameterBinder
{
    public static void Bind(PreparedStatementHandle statement, DuckDbParameterCollection parameters)
    {
        var prepared = statement.Pointer;
        var expected = (int)NativeMethods.duckdb_nparams(prepared);
        if (expected == 0 && parameters.Count == 0) return;

        var bound = new bool[expected];
        for (var i = 0; i < parameters.Count; i++)
        {
            var parameter = parameters[i];
            var index = Resolve(prepared, parameter, i, expected, parameters.Count);
            if (bound[index - 1])
                throw new DuckDbException($"Parameter {Describe(prepared, index)} was given more than one value.");
            BindValue(prepared, index, parameter.Value, parameter);
            bound[index - 1] = true;
        }

        var missing = Enumerable.Range(1, expected).Where(i => !bound[i - 1]).Select(i => Describe(prepared, (ulong)i)).ToList();
        if (missing.Count > 0)
            throw new DuckDbException(
                $"The statement has {expected} parameter(s) but {parameters.Count} value(s) were supplied; no value for {string.Join(", ", missing)}.");
    }

    private static ulong Resolve(IntPtr prepared, DuckDbParameter parameter, int position, int expected, int supplied)
    {
        var name = parameter.BareName;
        if (name is null)
        {
            if (position < expected) return (ulong)position + 1;
            throw new DuckDbException($"The statement has {expected} parameter(s) but {supplied} value(s) were supplied.");
        }
        if (NativeMethods.duckdb_bind_parameter_index(prepared, out var index, name) == NativeMethods.Success && index >= 1)
            return index;
        var known = Enumerable.Range(1, expected).Select(i => Describe(prepared, (ulong)i));
        throw new DuckDbException(
            $"The statement has no parameter named ${name}; its parameters are: {(expected == 0 ? "(none)" : string.Join(", ", known))}.");
    }

    private static string Describe(IntPtr prepared, ulong index)
    {
        var name = NativeText.Owned(NativeMethods.duckdb_parameter_name(prepared, index));
        return string.IsNullOrEmpty(name) || name == index.ToString(System.Globalization.CultureInfo.InvariantCulture)
            ? $"#{index}"
            : "$" + name;
    }

    private static void BindValue(IntPtr p, ulong i, object? value, DuckDbParameter parameter)
    {
        var state = value switch
        {
            null or DBNull => NativeMethods.duckdb_bind_null(p, i),
            bool v => NativeMethods.duckdb_bind_boolean(p, i, v),
            sbyte v => NativeMethods.duckdb_bind_int8(p, i, v),
            short v => NativeMethods.duckdb_bind_int16(p, i, v),
            int v => NativeMethods.duckdb_bind_int32(p, i, v),
            long v => NativeMethods.duckdb_bind_int64(p, i, v),
            byte v => NativeMethods.duckdb_bind_uint8(p, i, v),
            ushort v => NativeMethods.duckdb_bind_uint16(p, i, v),
            uint v => NativeMethods.duckdb_bind_uint32(p, i, v),
            ulong v => NativeMethods.duckdb_bind_uint64(p, i, v),
            Int128 v => NativeMethods.duckdb_bind_hugeint(p, i, NativeHugeInt.From(v)),
            UInt128 v => NativeMethods.duckdb_bind_uhugeint(p, i, new NativeHugeInt { Lower = (ulong)v, Upper = (long)(ulong)(v >> 64) }),
            float v => NativeMethods.duckdb_bind_float(p, i, v),
            double v => NativeMethods.duckdb_bind_double(p, i, v),
            decimal v => NativeMethods.duckdb_bind_decimal(p, i, NativeValues.ToNativeDecimal(v)),
            string v => BindString(p, i, v),
            char v => BindString(p, i, v.ToString()),
            byte[] v => BindBlob(p, i, v),
            DateTime v => NativeMethods.duckdb_bind_timestamp(p, i, NativeValues.MicrosFromDateTime(v)),
            DateTimeOffset v => NativeMethods.duckdb_bind_timestamp_tz(p, i, NativeValues.MicrosFromDateTimeOffset(v)),
            DateOnly v => NativeMethods.duckdb_bind_date(p, i, NativeValues.DaysFromDate(v)),
            TimeOnly v => NativeMethods.duckdb_bind_time(p, i, NativeValues.MicrosFromTime(v)),
            TimeSpan v => BindInterval(p, i, DuckDbInterval.FromTimeSpan(v)),
            DuckDbInterval v => BindInterval(p, i, v),
            Guid v => BindUuid(p, i, v),
            _ => throw new NotSupportedException(
                $"Parameter {Label(parameter, i)}: values of type {value.GetType().FullName} cannot be bound; convert it to a supported type (see DuckDbParameter)."),
        };
        if (state != NativeMethods.Success)
        {
            var detail = NativeText.Borrowed(NativeMethods.duckdb_prepare_error(p));
            throw new DuckDbException($"Could not bind parameter {Label(parameter, i)} ({value?.GetType().Name}){(detail is null ? "." : ": " + detail)}");
        }
    }

    private static string Label(DuckDbParameter parameter, ulong index) =>
        parameter.BareName is { } name ? "$" + name : "#" + index;

    private static int BindString(IntPtr p, ulong i, string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        var rented = length <= 512 ? null : ArrayPool<byte>.Shared.Rent(length);
        Span<byte> buffer = rented is null ? stackalloc byte[512] : rented;
        try
        {
            var written = Encoding.UTF8.GetBytes(value, buffer);
            fixed (byte* data = buffer) return NativeMethods.duckdb_bind_varchar_length(p, i, data, (ulong)written);
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static int BindBlob(IntPtr p, ulong i, byte[] value)
    {
        // A pinned empty array yields a null pointer; DuckDB wants a valid one even for zero bytes.
        byte empty = 0;
        fixed (byte* data = value) return NativeMethods.duckdb_bind_blob(p, i, value.Length == 0 ? &empty : data, (ulong)value.Length);
    }

    private static int BindInterval(IntPtr p, ulong i, DuckDbInterval value) =>
        NativeMethods.duckdb_bind_interval(p, i, new NativeInterval { Months = value.Months, Days = value.Days, Micros = value.Micros });

    private static int BindUuid(IntPtr p, ulong i, Guid value)
    {
        var uuid = NativeMethods.duckdb_create_uuid(NativeValues.UuidBits(value));
        try { return NativeMethods.duckdb_bind_value(p, i, uuid); }
        finally { NativeMethods.duckdb_destroy_value(ref uuid); }
    }
}
