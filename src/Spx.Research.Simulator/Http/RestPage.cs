using System.Text.Json.Nodes;

namespace Spx.Research.Simulator.Http;

/// <summary>
/// What an endpoint answers before the shared pipeline adds <c>request_id</c>, <c>next_url</c> and faults:
/// the body, the path+query of the next page (null on the last), and the cursor of this page (for the loop fault).
/// </summary>
public sealed record RestPage(JsonNode Body, string? NextPathAndQuery = null, string? ThisPathAndQuery = null, int Status = 200);
