using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Spx.Research.Notebooks.Formats;

/// <summary>
/// nbformat 4.5 cell ids. Existing valid, unique ids are kept; missing ones are made from the cell's
/// position and text, so writing the same notebook twice gives the same ids and a clean diff
/// (Jupyter would make random ones).
/// </summary>
public static partial class CellIds
{
    public static IReadOnlyList<string> Assign(IReadOnlyList<NotebookCell> cells)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var keep = new bool[cells.Count];
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i].Id is { } id && IsValid(id) && taken.Add(id)) keep[i] = true;
        }
        var ids = new string[cells.Count];
        for (var i = 0; i < cells.Count; i++)
        {
            if (keep[i])
            {
                ids[i] = cells[i].Id!;
                continue;
            }
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{i}\n{cells[i].Kind}\n{cells[i].Source}")))[..8];
            var candidate = $"cell-{hash}";
            for (var n = 2; !taken.Add(candidate); n++) candidate = $"cell-{hash}-{n}";
            ids[i] = candidate;
        }
        return ids;
    }

    /// <summary>1–64 characters of letters, digits, '-' and '_' (the nbformat 4.5 schema).</summary>
    public static bool IsValid(string id) => ValidId().IsMatch(id);

    [GeneratedRegex("^[a-zA-Z0-9_-]{1,64}$")]
    private static partial Regex ValidId();
}
