using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Spx.Research.Pricing.Simd;

/// <summary>Two doubles in an SSE2 / NEON register: <see cref="ILanes{TSelf}"/> over <see cref="Vector128{T}"/>.</summary>
internal readonly struct Lanes128(Vector128<double> value) : ILanes<Lanes128>
{
    private readonly Vector128<double> _value = value;

    public static int Count => Vector128<double>.Count;

    public static bool IsHardwareAccelerated => Vector128.IsHardwareAccelerated;

    public static Lanes128 True => new(Vector128<double>.AllBitsSet);

    public double this[int lane] => _value[lane];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 Create(double value) => new(Vector128.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 Load(ReadOnlySpan<double> source)
    {
        Debug.Assert(source.Length >= Count, "the callers check the length before loading");
        return new(Vector128.LoadUnsafe(ref MemoryMarshal.GetReference(source)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 IsZero(ReadOnlySpan<int> source)
    {
        var values = Vector64.Create(source);
        return new(Vector128.Equals(Vector128.Create(Vector64.WidenLower(values), Vector64.WidenUpper(values)), Vector128<long>.Zero).AsDouble());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(Span<double> destination)
    {
        Debug.Assert(destination.Length >= Count, "the callers check the length before storing");
        _value.StoreUnsafe(ref MemoryMarshal.GetReference(destination));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 operator +(Lanes128 left, Lanes128 right) => new(left._value + right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 operator -(Lanes128 left, Lanes128 right) => new(left._value - right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 operator *(Lanes128 left, Lanes128 right) => new(left._value * right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 operator /(Lanes128 left, Lanes128 right) => new(left._value / right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 operator -(Lanes128 value) => new(-value._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 operator +(Lanes128 left, double right) => new(left._value + Vector128.Create(right));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 operator +(double left, Lanes128 right) => new(Vector128.Create(left) + right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 operator -(Lanes128 left, double right) => new(left._value - Vector128.Create(right));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 operator -(double left, Lanes128 right) => new(Vector128.Create(left) - right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 operator *(Lanes128 left, double right) => new(left._value * Vector128.Create(right));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 operator *(double left, Lanes128 right) => new(Vector128.Create(left) * right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 operator /(Lanes128 left, double right) => new(left._value / Vector128.Create(right));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 operator /(double left, Lanes128 right) => new(Vector128.Create(left) / right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 operator &(Lanes128 left, Lanes128 right) => new(left._value & right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 operator |(Lanes128 left, Lanes128 right) => new(left._value | right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 AndNot(Lanes128 left, Lanes128 right) => new(Vector128.AndNot(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 FusedMultiplyAdd(Lanes128 a, Lanes128 b, Lanes128 c) => new(Vector128.FusedMultiplyAdd(a._value, b._value, c._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 Abs(Lanes128 value) => new(Vector128.Abs(value._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 Sqrt(Lanes128 value) => new(Vector128.Sqrt(value._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 Min(Lanes128 left, Lanes128 right) => new(Vector128.Min(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 Max(Lanes128 left, Lanes128 right) => new(Vector128.Max(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 ExpWithinRange(Lanes128 value) => new(Vector128.Exp(value._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 Log(Lanes128 value) => new(Vector128.Log(value._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 LessThan(Lanes128 left, Lanes128 right) => new(Vector128.LessThan(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 LessThanOrEqual(Lanes128 left, Lanes128 right) => new(Vector128.LessThanOrEqual(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 GreaterThan(Lanes128 left, Lanes128 right) => new(Vector128.GreaterThan(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 GreaterThanOrEqual(Lanes128 left, Lanes128 right) => new(Vector128.GreaterThanOrEqual(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 Equals(Lanes128 left, Lanes128 right) => new(Vector128.Equals(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 IsNaN(Lanes128 value) => new(Vector128.IsNaN(value._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 Select(Lanes128 mask, Lanes128 whenTrue, Lanes128 whenFalse) => new(Vector128.ConditionalSelect(mask._value, whenTrue._value, whenFalse._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Any(Lanes128 mask) => Vector128.ExtractMostSignificantBits(mask._value) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool All(Lanes128 mask) => Vector128.ExtractMostSignificantBits(mask._value) == 0x3u;
}
