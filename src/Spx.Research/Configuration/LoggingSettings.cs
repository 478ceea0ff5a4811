namespace Spx.Research.Configuration;

/// <summary>What is logged and where. Logs never contain the API key.</summary>
public sealed record LoggingSettings
{
    /// <summary><c>debug</c>, <c>info</c>, <c>warning</c> or <c>error</c>.</summary>
    public string Level { get; init; } = "info";

    /// <summary>Folder of the daily log files of long-running processes (<c>spx-YYYY-MM-DD.log</c>).</summary>
    public string Folder { get; init; } = System.IO.Path.Combine("data", "logs");
}
