using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Spx.Research.Pricing.Simd;

/// <summary>Four doubles in an AVX register: <see cref="ILanes{TSelf}"/> over <see cref="Vector256{T}"/>.</summary>
internal readonly struct Lanes256(Vector256<double> value) : ILanes<Lanes256>
{
    private readonly Vector256<double> _value = value;

    public static int Count => Vector256<double>.Count;

    public static bool IsHardwareAccelerated => Vector256.IsHardwareAccelerated;

    public static Lanes256 True => new(Vector256<double>.AllBitsSet);

    public double this[int lane] => _value[lane];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Create(double value) => new(Vector256.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Load(ReadOnlySpan<double> source)
    {
        Debug.Assert(source.Length >= Count, "the callers check the length before loading");
        return new(Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(source)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 IsZero(ReadOnlySpan<int> source)
    {
        var values = Vector128.Create(source);
        return new(Vector256.Equals(Vector256.Create(Vector128.WidenLower(values), Vector128.WidenUpper(values)), Vector256<long>.Zero).AsDouble());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(Span<double> destination)
    {
        Debug.Assert(destination.Length >= Count, "the callers check the length before storing");
        _value.StoreUnsafe(ref MemoryMarshal.GetReference(destination));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 operator +(Lanes256 left, Lanes256 right) => new(left._value + right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 operator -(Lanes256 left, Lanes256 right) => new(left._value - right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 operator *(Lanes256 left, Lanes256 right) => new(left._value * right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 operator /(Lanes256 left, Lanes256 right) => new(left._value / right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 operator -(Lanes256 value) => new(-value._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 operator +(Lanes256 left, double right) => new(left._value + Vector256.Create(right));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 operator +(double left, Lanes256 right) => new(Vector256.Create(left) + right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 operator -(Lanes256 left, double right) => new(left._value - Vector256.Create(right));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 operator -(double left, Lanes256 right) => new(Vector256.Create(left) - right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 operator *(Lanes256 left, double right) => new(left._value * Vector256.Create(right));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 operator *(double left, Lanes256 right) => new(Vector256.Create(left) * right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 operator /(Lanes256 left, double right) => new(left._value / Vector256.Create(right));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 operator /(double left, Lanes256 right) => new(Vector256.Create(left) / right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 operator &(Lanes256 left, Lanes256 right) => new(left._value & right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 operator |(Lanes256 left, Lanes256 right) => new(left._value | right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 AndNot(Lanes256 left, Lanes256 right) => new(Vector256.AndNot(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 FusedMultiplyAdd(Lanes256 a, Lanes256 b, Lanes256 c) => new(Vector256.FusedMultiplyAdd(a._value, b._value, c._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Abs(Lanes256 value) => new(Vector256.Abs(value._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Sqrt(Lanes256 value) => new(Vector256.Sqrt(value._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Min(Lanes256 left, Lanes256 right) => new(Vector256.Min(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Max(Lanes256 left, Lanes256 right) => new(Vector256.Max(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 ExpWithinRange(Lanes256 value) => new(Vector256.Exp(value._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Log(Lanes256 value) => new(Vector256.Log(value._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 LessThan(Lanes256 left, Lanes256 right) => new(Vector256.LessThan(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 LessThanOrEqual(Lanes256 left, Lanes256 right) => new(Vector256.LessThanOrEqual(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 GreaterThan(Lanes256 left, Lanes256 right) => new(Vector256.GreaterThan(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 GreaterThanOrEqual(Lanes256 left, Lanes256 right) => new(Vector256.GreaterThanOrEqual(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Equals(Lanes256 left, Lanes256 right) => new(Vector256.Equals(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 IsNaN(Lanes256 value) => new(Vector256.IsNaN(value._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Select(Lanes256 mask, Lanes256 whenTrue, Lanes256 whenFalse) => new(Vector256.ConditionalSelect(mask._value, whenTrue._value, whenFalse._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Any(Lanes256 mask) => Vector256.ExtractMostSignificantBits(mask._value) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool All(Lanes256 mask) => Vector256.ExtractMostSignificantBits(mask._value) == 0xFu;
}
