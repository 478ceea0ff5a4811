using Spx.Research.Lake;
using Spx.Research.Simulator.Http;

namespace Spx.Research.Simulator.Rest;

/// <summary>Polygon's filter operators (<c>field</c>, <c>field.gt/.gte/.lt/.lte</c>) turned into SQL conditions on a column.</summary>
public static class RangeFilter
{
    /// <summary>Each query suffix and its SQL operator.</summary>
    internal static readonly (string Suffix, string Op)[] Operators = [("", "="), (".gt", ">"), (".gte", ">="), (".lt", "<"), (".lte", "<=")];

    /// <summary>Conditions for a date field.</summary>
    public static IEnumerable<string> Dates(RestQuery query, string field, string column) =>
        Operators.Where(o => query[field + o.Suffix] is not null)
            .Select(o => $"{column} {o.Op} {SqlText.Date(WireTime.Date(query[field + o.Suffix]!, field + o.Suffix))}");

    /// <summary>Conditions for a numeric field.</summary>
    public static IEnumerable<string> Numbers(RestQuery query, string field, string column) =>
        Operators.Where(o => query[field + o.Suffix] is not null)
            .Select(o => double.TryParse(query[field + o.Suffix], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v)
                ? $"{column} {o.Op} {WireTime.Sql(v)}"
                : throw new BadRequestException($"Could not parse {field + o.Suffix} '{query[field + o.Suffix]}': expected a number."));

    /// <summary><c>contract_type=call|put</c> as a condition on <c>option_right</c>.</summary>
    public static IEnumerable<string> ContractType(RestQuery query) => query["contract_type"] switch
    {
        null => [],
        "call" => ["option_right = 'C'"],
        "put" => ["option_right = 'P'"],
        var other => throw new BadRequestException($"Could not parse contract_type '{other}': expected call or put."),
    };

    /// <summary>The ORDER BY column for a <c>sort</c> value, then the unique <paramref name="tieBreak"/> column so pages never overlap.</summary>
    public static string OrderBy(RestQuery query, IReadOnlyDictionary<string, string> columns, string fallback, string defaultOrder = "asc", string tieBreak = "ticker")
    {
        var sort = query["sort"] ?? fallback;
        if (!columns.TryGetValue(sort, out var column)) throw new BadRequestException($"Could not parse sort '{sort}': expected one of {string.Join(", ", columns.Keys)}.");
        var order = (query["order"] ?? defaultOrder).ToLowerInvariant() switch
        {
            "asc" => "ASC",
            "desc" => "DESC",
            var other => throw new BadRequestException($"Could not parse order '{other}': expected asc or desc."),
        };
        return $"{column} {order}, {tieBreak} {order}";
    }

    /// <summary>All conditions joined for a WHERE clause.</summary>
    public static string Where(IEnumerable<string> conditions)
    {
        var list = conditions.ToList();
        return list.Count == 0 ? "true" : string.Join(" AND ", list);
    }
}
