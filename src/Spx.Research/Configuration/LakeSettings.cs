namespace Spx.Research.Configuration;

/// <summary>The lake folder. <c>--lake</c> and <c>SPX_LAKE</c> override it.</summary>
public sealed record LakeSettings
{
    /// <summary>Relative paths are taken from the working directory.</summary>
    public string Path { get; init; } = System.IO.Path.Combine("data", "lake");
}
