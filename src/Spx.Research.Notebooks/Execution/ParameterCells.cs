using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Spx.Research.Notebooks.Execution;

/// <summary>
/// Papermill-style parameters (docs/notebooks-and-cake.md §2.2): the first code cell tagged <c>parameters</c>, or holding a
/// line <c>// @parameters</c> (which also works in <c>.dib</c>, where cells have no tags), declares the
/// defaults; a run with parameters gets a cell tagged <c>injected-parameters</c> right after it (one
/// left by an earlier run is replaced) that re-declares each variable. The value is converted to the
/// type the parameters cell gives the variable — <c>double threshold = 0.2;</c> or
/// <c>var days = 30;</c> — so <c>-p days=45</c> stays an <c>int</c>; undeclared names are inferred
/// (bool, int, long, double, else string) as papermill does.
/// </summary>
public static class ParameterCells
{
    public const string ParametersTag = "parameters";
    public const string InjectedTag = "injected-parameters";
    public const string Marker = "// @parameters";

    /// <summary>Index of the parameters cell in <paramref name="cells"/>, or -1.</summary>
    public static int FindParametersCell(IReadOnlyList<NotebookCell> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            if (cell.Kind != CellKind.Code || cell.HasTag(InjectedTag)) continue;
            if (cell.HasTag(ParametersTag) || cell.Source.Split('\n').Any(l => l.Trim() == Marker)) return i;
        }
        return -1;
    }

    /// <summary>Index of a cell injected by an earlier run, or -1.</summary>
    public static int FindInjectedCell(IReadOnlyList<NotebookCell> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i].Kind == CellKind.Code && cells[i].HasTag(InjectedTag)) return i;
        }
        return -1;
    }

    /// <summary>Variable name → declared type (C# text) for the top-level declarations of a parameters cell.</summary>
    public static IReadOnlyDictionary<string, string> DeclaredTypes(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(kind: SourceCodeKind.Script));
        var declarations = tree.GetCompilationUnitRoot().Members.Select(m => m switch
        {
            FieldDeclarationSyntax field => field.Declaration,
            GlobalStatementSyntax { Statement: LocalDeclarationStatementSyntax local } => local.Declaration,
            _ => null,
        }).OfType<VariableDeclarationSyntax>();
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var declaration in declarations)
        {
            foreach (var variable in declaration.Variables)
            {
                var type = declaration.Type.IsVar ? TypeOf(variable.Initializer?.Value) : declaration.Type.ToString();
                if (type is not null) types[variable.Identifier.ValueText] = type;
            }
        }
        return types;
    }

    /// <summary>The source of the injected cell: one typed declaration per parameter.</summary>
    public static string InjectedSource(IReadOnlyList<NotebookParameter> parameters, IReadOnlyDictionary<string, string> declared)
    {
        var source = new StringBuilder("// Parameters injected by spx notebook run; they override the defaults above.");
        // The last -p for a name wins, as on any command line; one declaration per name keeps the cell compiling.
        foreach (var parameter in parameters.GroupBy(p => p.Name).Select(g => g.Last()))
        {
            source.Append('\n').Append(Declaration(parameter, declared.TryGetValue(parameter.Name, out var type) ? type : null));
        }
        return source.ToString();
    }

    /// <summary><c>T name = literal;</c> for one parameter; <paramref name="type"/> null means infer from the value.</summary>
    public static string Declaration(NotebookParameter parameter, string? type)
    {
        var (name, value) = (parameter.Name, parameter.Value);
        if (type is null)
        {
            var (inferred, literal) = Infer(value);
            return $"{inferred} {name} = {literal};";
        }
        var nullable = type.EndsWith('?');
        if (nullable && value == "null") return $"{type} {name} = null;";
        var core = type.TrimEnd('?').Trim();
        if (core.StartsWith("System.", StringComparison.Ordinal)) core = core["System.".Length..];
        string Bad(string what) => throw new NotebookParameterException($"parameter {name}={value}: '{value}' is not {what} (the parameters cell declares {type} {name})");
        var invariant = CultureInfo.InvariantCulture;
        return core switch
        {
            "string" or "String" => $"{type} {name} = {Quote(value)};",
            "char" or "Char" => value.Length == 1 ? $"{type} {name} = {SymbolDisplay.FormatLiteral(value[0], quote: true)};" : Bad("a single character"),
            "bool" or "Boolean" => bool.TryParse(value, out var b) ? $"{type} {name} = {(b ? "true" : "false")};" : Bad("true or false"),
            "int" or "Int32" => int.TryParse(value, NumberStyles.Integer, invariant, out var i) ? $"{type} {name} = {i.ToString(invariant)};" : Bad("an int"),
            "long" or "Int64" => long.TryParse(value, NumberStyles.Integer, invariant, out var l) ? $"{type} {name} = {l.ToString(invariant)}L;" : Bad("a long"),
            "short" or "Int16" => short.TryParse(value, NumberStyles.Integer, invariant, out var s) ? $"{type} {name} = {s.ToString(invariant)};" : Bad("a short"),
            "byte" or "Byte" => byte.TryParse(value, NumberStyles.Integer, invariant, out var by) ? $"{type} {name} = {by.ToString(invariant)};" : Bad("a byte"),
            "uint" or "UInt32" => uint.TryParse(value, NumberStyles.Integer, invariant, out var u) ? $"{type} {name} = {u.ToString(invariant)}U;" : Bad("a uint"),
            "ulong" or "UInt64" => ulong.TryParse(value, NumberStyles.Integer, invariant, out var ul) ? $"{type} {name} = {ul.ToString(invariant)}UL;" : Bad("a ulong"),
            "double" or "Double" => double.TryParse(value, NumberStyles.Float, invariant, out var d) && double.IsFinite(d) ? $"{type} {name} = {d.ToString("R", invariant)}D;" : Bad("a double"),
            "float" or "Single" => float.TryParse(value, NumberStyles.Float, invariant, out var f) && float.IsFinite(f) ? $"{type} {name} = {f.ToString("R", invariant)}F;" : Bad("a float"),
            "decimal" or "Decimal" => decimal.TryParse(value, NumberStyles.Float, invariant, out var m) ? $"{type} {name} = {m.ToString(invariant)}M;" : Bad("a decimal"),
            "DateOnly" => Parsed(DateOnly.TryParse(value, invariant, DateTimeStyles.None, out _), "a date (YYYY-MM-DD)"),
            "DateTime" => Parsed(DateTime.TryParse(value, invariant, DateTimeStyles.RoundtripKind, out _), "a date-time"),
            "DateTimeOffset" => Parsed(DateTimeOffset.TryParse(value, invariant, DateTimeStyles.None, out _), "a date-time with offset"),
            "TimeOnly" => Parsed(TimeOnly.TryParse(value, invariant, DateTimeStyles.None, out _), "a time of day"),
            "TimeSpan" => Parsed(TimeSpan.TryParse(value, invariant, out _), "a time span"),
            "Guid" => Parsed(Guid.TryParse(value, out _), "a GUID"),
            // Another type (an enum, say): the inferred literal, and the compiler says if it does not fit.
            _ => $"{type} {name} = {Infer(value).Literal};",
        };

        string Parsed(bool ok, string what) => ok
            ? $"{type} {name} = {core}.Parse({Quote(value)}, System.Globalization.CultureInfo.InvariantCulture);"
            : Bad(what);
    }

    /// <summary>Papermill's inference for values with no declared type: bool, int, long, double, else string.</summary>
    private static (string Type, string Literal) Infer(string value)
    {
        var invariant = CultureInfo.InvariantCulture;
        if (bool.TryParse(value, out var b)) return ("bool", b ? "true" : "false");
        if (int.TryParse(value, NumberStyles.AllowLeadingSign, invariant, out var i)) return ("int", i.ToString(invariant));
        if (long.TryParse(value, NumberStyles.AllowLeadingSign, invariant, out var l)) return ("long", l.ToString(invariant) + "L");
        if (double.TryParse(value, NumberStyles.Float, invariant, out var d) && double.IsFinite(d)) return ("double", d.ToString("R", invariant) + "D");
        return ("string", Quote(value));
    }

    private static string Quote(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    private static string? TypeOf(ExpressionSyntax? initializer) => initializer switch
    {
        LiteralExpressionSyntax literal => LiteralType(literal),
        PrefixUnaryExpressionSyntax { Operand: LiteralExpressionSyntax literal } => LiteralType(literal),
        BaseObjectCreationExpressionSyntax and ObjectCreationExpressionSyntax creation => creation.Type.ToString(),
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Parse" } access } => access.Expression.ToString(),
        _ => null,
    };

    private static string? LiteralType(LiteralExpressionSyntax literal) => literal.Kind() switch
    {
        SyntaxKind.StringLiteralExpression => "string",
        SyntaxKind.TrueLiteralExpression or SyntaxKind.FalseLiteralExpression => "bool",
        SyntaxKind.CharacterLiteralExpression => "char",
        SyntaxKind.NumericLiteralExpression => literal.Token.Value switch
        {
            int => "int",
            long => "long",
            uint => "uint",
            ulong => "ulong",
            float => "float",
            double => "double",
            decimal => "decimal",
            _ => null,
        },
        _ => null,
    };
}
