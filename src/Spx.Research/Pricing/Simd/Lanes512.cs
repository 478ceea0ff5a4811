using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Spx.Research.Pricing.Simd;

/// <summary>Eight doubles in an AVX-512 register: <see cref="ILanes{TSelf}"/> over <see cref="Vector512{T}"/>.</summary>
internal readonly struct Lanes512(Vector512<double> value) : ILanes<Lanes512>
{
    private readonly Vector512<double> _value = value;

    public static int Count => Vector512<double>.Count;

    public static bool IsHardwareAccelerated => Vector512.IsHardwareAccelerated;

    public static Lanes512 True => new(Vector512<double>.AllBitsSet);

    public double this[int lane] => _value[lane];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Create(double value) => new(Vector512.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Load(ReadOnlySpan<double> source)
    {
        Debug.Assert(source.Length >= Count, "the callers check the length before loading");
        return new(Vector512.LoadUnsafe(ref MemoryMarshal.GetReference(source)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 IsZero(ReadOnlySpan<int> source)
    {
        var values = Vector256.Create(source);
        return new(Vector512.Equals(Vector512.Create(Vector256.WidenLower(values), Vector256.WidenUpper(values)), Vector512<long>.Zero).AsDouble());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(Span<double> destination)
    {
        Debug.Assert(destination.Length >= Count, "the callers check the length before storing");
        _value.StoreUnsafe(ref MemoryMarshal.GetReference(destination));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 operator +(Lanes512 left, Lanes512 right) => new(left._value + right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 operator -(Lanes512 left, Lanes512 right) => new(left._value - right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 operator *(Lanes512 left, Lanes512 right) => new(left._value * right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 operator /(Lanes512 left, Lanes512 right) => new(left._value / right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 operator -(Lanes512 value) => new(-value._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 operator +(Lanes512 left, double right) => new(left._value + Vector512.Create(right));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 operator +(double left, Lanes512 right) => new(Vector512.Create(left) + right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 operator -(Lanes512 left, double right) => new(left._value - Vector512.Create(right));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 operator -(double left, Lanes512 right) => new(Vector512.Create(left) - right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 operator *(Lanes512 left, double right) => new(left._value * Vector512.Create(right));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 operator *(double left, Lanes512 right) => new(Vector512.Create(left) * right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 operator /(Lanes512 left, double right) => new(left._value / Vector512.Create(right));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 operator /(double left, Lanes512 right) => new(Vector512.Create(left) / right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 operator &(Lanes512 left, Lanes512 right) => new(left._value & right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 operator |(Lanes512 left, Lanes512 right) => new(left._value | right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 AndNot(Lanes512 left, Lanes512 right) => new(Vector512.AndNot(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 FusedMultiplyAdd(Lanes512 a, Lanes512 b, Lanes512 c) => new(Vector512.FusedMultiplyAdd(a._value, b._value, c._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Abs(Lanes512 value) => new(Vector512.Abs(value._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Sqrt(Lanes512 value) => new(Vector512.Sqrt(value._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Min(Lanes512 left, Lanes512 right) => new(Vector512.Min(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Max(Lanes512 left, Lanes512 right) => new(Vector512.Max(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 ExpWithinRange(Lanes512 value) => new(Vector512.Exp(value._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Log(Lanes512 value) => new(Vector512.Log(value._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 LessThan(Lanes512 left, Lanes512 right) => new(Vector512.LessThan(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 LessThanOrEqual(Lanes512 left, Lanes512 right) => new(Vector512.LessThanOrEqual(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 GreaterThan(Lanes512 left, Lanes512 right) => new(Vector512.GreaterThan(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 GreaterThanOrEqual(Lanes512 left, Lanes512 right) => new(Vector512.GreaterThanOrEqual(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Equals(Lanes512 left, Lanes512 right) => new(Vector512.Equals(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 IsNaN(Lanes512 value) => new(Vector512.IsNaN(value._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Select(Lanes512 mask, Lanes512 whenTrue, Lanes512 whenFalse) => new(Vector512.ConditionalSelect(mask._value, whenTrue._value, whenFalse._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Any(Lanes512 mask) => Vector512.ExtractMostSignificantBits(mask._value) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool All(Lanes512 mask) => Vector512.ExtractMostSignificantBits(mask._value) == 0xFFu;
}
