using System.Text.Json.Nodes;

namespace Spx.Research.Simulator.Http;

/// <summary>
/// What an endpoint answers before the shared pipeline adds <c>request_id</c>, <c>next_url</c> and faults:
/// the body and the path+query of the next page (null on the last).
/// </summary>
public sealed record RestPage(JsonNode Body, string? NextPathAndQuery = null);
