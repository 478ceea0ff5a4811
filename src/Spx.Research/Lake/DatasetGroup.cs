namespace Spx.Research.Lake;

/// <summary>
/// Datasets one writer publishes together for each session (e.g. <c>spx generate</c> writes every
/// foundation dataset per session). A session found in some of them and not the others was cut short —
/// a killed run — which <see cref="LakeCheck"/> reports, since no single partition shows it.
/// </summary>
/// <param name="Writer">Who writes them, for messages (e.g. <c>spx generate</c>).</param>
/// <param name="Datasets">The datasets written together.</param>
public sealed record DatasetGroup(string Writer, IReadOnlyList<string> Datasets);
