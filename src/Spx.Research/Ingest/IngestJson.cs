using System.Text.Json.Serialization;
using Spx.Research.Ingest.Jobs;
using Spx.Research.Ingest.Quality;

namespace Spx.Research.Ingest;

/// <summary>Source-generated JSON for the ingest state files under <c>LAKE/_state</c> (snake_case, no reflection).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, UseStringEnumConverter = true)]
[JsonSerializable(typeof(SchemaBaseline))]
[JsonSerializable(typeof(JobRecord))]
internal sealed partial class IngestJson : JsonSerializerContext;
