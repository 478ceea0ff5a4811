using Spx.Research.Polygon;

namespace Spx.Research.Ingest.Jobs;

/// <summary>
/// A job's command line as its record keeps it: the value of a secret option (<c>--key</c>, <c>--api-key</c>,
/// <c>--token</c>, …) and any text holding the API key from the environment are replaced, so the state file
/// under the lake can never leak the key (docs/architecture.md, invariant 3).
/// </summary>
public static class JobArguments
{
    private const string Hidden = "***";
    private static readonly string[] SecretOptions = ["--key", "--api-key", "--apikey", "--token", "--secret", "--password"];

    /// <summary>The arguments with secrets replaced by <c>***</c>.</summary>
    public static IReadOnlyList<string> Redact(IReadOnlyList<string> args, ApiKey? key = null)
    {
        key ??= ApiKey.FromEnvironment();
        var kept = new List<string>(args.Count);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var option = SecretOptions.FirstOrDefault(o => arg.StartsWith(o + "=", StringComparison.OrdinalIgnoreCase));
            if (option is not null)
            {
                kept.Add(option + "=" + Hidden);
                continue;
            }
            kept.Add(key is null ? arg : key.Redact(arg));
            if (SecretOptions.Contains(arg, StringComparer.OrdinalIgnoreCase) && i + 1 < args.Count)
            {
                kept.Add(Hidden);
                i++;
            }
        }
        return kept;
    }
}
