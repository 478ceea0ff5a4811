using System.Globalization;

namespace Spx.Research.DuckDb;

/// <summary>
/// Converts a value read from DuckDB to the type a caller asked for, covering the conversions that
/// <see cref="Convert.ChangeType(object, Type)"/> does not: nullable targets, INTERVAL → TimeSpan,
/// date/time shapes, 128-bit integers and lists of nullable elements → plain arrays.
/// </summary>
internal static class ValueConverter
{
    public static object? ChangeType(object value, Type target)
    {
        if (target.IsInstanceOfType(value)) return value;
        var underlying = Nullable.GetUnderlyingType(target);
        if (underlying is not null) return ChangeType(value, underlying);

        switch (value)
        {
            case DuckDbInterval interval when target == typeof(TimeSpan):
                return interval.ToTimeSpan();
            case DateOnly date when target == typeof(DateTime):
                return date.ToDateTime(TimeOnly.MinValue);
            case DateTime dateTime when target == typeof(DateOnly):
                return DateOnly.FromDateTime(dateTime);
            case DateTime dateTime when target == typeof(DateTimeOffset):
                return new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc));
            case DateTimeOffset offset when target == typeof(DateTime):
                return offset.UtcDateTime;
            case Int128 huge:
                return ChangeType((decimal)huge, target);
            case UInt128 huge:
                return ChangeType((decimal)huge, target);
            case Array array when target.IsArray:
                return ConvertArray(array, target.GetElementType()!);
            case string text when target == typeof(Guid):
                return Guid.Parse(text);
            case Guid guid when target == typeof(string):
                return guid.ToString();
        }

        if (target == typeof(Int128)) return (Int128)System.Convert.ToDecimal(value, CultureInfo.InvariantCulture);
        if (value is IConvertible && typeof(IConvertible).IsAssignableFrom(target) && target != typeof(string))
            return System.Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
        throw new InvalidCastException($"A {value.GetType().Name} cannot be converted to {target.Name}.");
    }

    private static Array ConvertArray(Array source, Type elementType)
    {
        var result = Array.CreateInstance(elementType, source.Length);
        var acceptsNull = !elementType.IsValueType || Nullable.GetUnderlyingType(elementType) is not null;
        for (var i = 0; i < source.Length; i++)
        {
            var item = source.GetValue(i);
            if (item is null)
            {
                if (!acceptsNull) throw new InvalidCastException($"The list has a NULL at index {i}; read it as {elementType.Name}?[] instead.");
                continue;
            }
            result.SetValue(ChangeType(item, elementType), i);
        }
        return result;
    }
}
