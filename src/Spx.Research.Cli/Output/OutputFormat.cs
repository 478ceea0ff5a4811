namespace Spx.Research.Cli.Output;

/// <summary>How a verb prints rows: a readable table, or CSV/JSON for other tools.</summary>
public enum OutputFormat
{
    Table,
    Csv,
    Json,
}
