namespace Spx.Research.Lake;

/// <summary>
/// A query read a dataset of a lake path that holds no lake (no such folder, or a file). Thrown instead of
/// answering with zero rows, so a mistyped <c>--lake</c> or notebook <c>lakePath</c> is seen at once.
/// </summary>
public sealed class LakeNotFoundException : DirectoryNotFoundException
{
    /// <summary>For the lake expected at <paramref name="root"/>.</summary>
    public LakeNotFoundException(string root, Exception? inner = null)
        : base(MessageFor(root), inner) => Root = root;

    /// <summary>The path that holds no lake.</summary>
    public string Root { get; }

    /// <summary>"no lake at PATH (why)": one line naming the path.</summary>
    public static string MessageFor(string root) =>
        $"no lake at {root} ({(File.Exists(root) ? "a file, not a folder" : "no such folder")})";
}
