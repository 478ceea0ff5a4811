using Microsoft.Data.Analysis;

namespace Spx.Research.Reporting;

/// <summary>
/// A <see cref="DataFrame"/> that displays itself as a bounded table in a notebook. Microsoft.Data.Analysis
/// ships its notebook formatter only as a package extension, which the Polyglot kernel loads for
/// <c>#r "nuget:…"</c> but not for a <c>#r</c> of a built dll; this subclass carries our zero-dependency
/// <see cref="TypeFormatterSourceAttribute"/> instead. Its formatters are registered for every
/// <see cref="DataFrame"/>, so in Polyglot a frame derived from it (<c>Head</c>, <c>Filter</c>, …) renders
/// the same once one <see cref="LakeFrame"/> has been shown.
/// </summary>
[TypeFormatterSource(typeof(DataFrameFormatterSource), PreferredMimeTypes = [DataFrameFormatterSource.HtmlMimeType, DataFrameFormatterSource.PlainTextMimeType])]
public sealed class LakeFrame(IEnumerable<DataFrameColumn> columns) : DataFrame(columns);
